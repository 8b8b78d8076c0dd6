import { createServer, request } from 'node:http'
import type { AddressInfo } from 'node:net'

export type CountingProxy = {
  /** The proxy's base URL: give it to the site build as CMS_URL. */
  url: string
  /** Requests forwarded since the last take, and the time from the first request to the last answer. */
  take: () => { requests: number; spanMs: number }
  close: () => Promise<void>
}

/**
 * A loopback HTTP proxy in front of the CMS that counts the requests the site build makes, so
 * the benchmark can show how many the loader needs on a cold and on a warm store.
 */
export async function startCountingProxy(target: string): Promise<CountingProxy> {
  const upstream = new URL(target)
  let requests = 0
  let first: number | undefined
  let last: number | undefined
  const server = createServer((req, res) => {
    requests++
    first ??= performance.now()
    res.on('finish', () => {
      last = performance.now()
    })
    const forward = request(
      {
        hostname: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: upstream.host },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      },
    )
    forward.on('error', (error) => {
      res.writeHead(502, { 'content-type': 'text/plain' })
      res.end(`bench proxy: ${error.message}`)
    })
    req.pipe(forward)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    take: () => {
      const taken = { requests, spanMs: first !== undefined && last !== undefined ? last - first : 0 }
      requests = 0
      first = undefined
      last = undefined
      return taken
    },
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}
