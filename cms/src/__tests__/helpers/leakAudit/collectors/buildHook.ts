import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { AuditRecord } from '../records.ts'

export type HookRecorder = {
  /** Set SITE_BUILD_HOOK_URL to this. */
  url: string
  /** One record per request received: what a site host's build hook (and its logs) would hold. */
  records: () => AuditRecord[]
  close: () => Promise<void>
}

/** A stand-in for a site host's build hook on loopback, keeping each request's headers and body. */
export async function startHookRecorder(): Promise<HookRecorder> {
  const received: AuditRecord[] = []
  const server = createServer(async (req, res) => {
    let body = ''
    for await (const chunk of req) body += chunk
    const headers = Object.entries(req.headers).map(([name, value]) => `${name}: ${value}`)
    received.push({
      where: `hook ${req.method} ${req.url} #${received.length + 1}`,
      text: `${headers.join('\n')}\n${body}`,
    })
    res.writeHead(200, { 'content-type': 'text/plain' }).end('queued')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/build-hooks/leak-audit`,
    records: () => [...received],
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
