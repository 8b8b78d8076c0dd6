import { request } from 'node:http'

export type Answer = { status: number; headers: Record<string, string | string[] | undefined>; text: string; json: any }

/**
 * An HTTP request whose socket really comes from `from`, one of the loopback addresses
 * (127.0.0.0/8 all reach this machine), so the server sees a distinct TCP peer per client.
 */
export function requestFrom(
  from: string,
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: init.method ?? 'POST', localAddress: from, headers: init.headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('error', reject)
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8')
        let json: any
        try {
          json = JSON.parse(text)
        } catch {}
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json })
      })
    })
    req.on('error', reject)
    req.end(init.body)
  })
}
