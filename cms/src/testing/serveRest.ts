import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Payload } from 'payload'
import { graphqlRoute, restRoutes } from '../http/apiRoutes.ts'
import { refuseOversizeBody } from '../http/bodyLimits.ts'
import { markPeerHeaderStamped, stampPeerAddress } from '../http/peerAddress.ts'

export type RestHandler = (request: Request, args: { params: Promise<{ slug: string[] }> }) => Promise<Response>

/** The REST route handlers `next start` serves, by HTTP method. */
export function restHandlers(payload: Payload): Record<string, RestHandler> {
  const { GET, POST, PATCH, DELETE } = restRoutes(Promise.resolve(payload.config))
  return { GET, POST, PATCH, DELETE }
}

/** The route's `slug` parameter for an /api/… path, as Next passes it. */
export function apiSlug(pathname: string): string[] {
  return pathname
    .replace(/^\/api\//, '')
    .split('/')
    .filter(Boolean)
    .map(decodeURIComponent)
}

/** A route the test serves besides the API (subscription pages, acknowledgement page), by path prefix. */
export type ExtraRoute = (request: Request) => Promise<Response>

export type ServedRest = {
  /** The origin, e.g. http://127.0.0.1:41234; the API is under /api. */
  url: string
  /** Every request served, as "METHOD /path?query", in order. */
  requests: string[]
  close: () => Promise<void>
}

async function readBody(request: IncomingMessage): Promise<ArrayBuffer | undefined> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  if (chunks.length === 0) return undefined
  const joined = Buffer.concat(chunks)
  return joined.buffer.slice(joined.byteOffset, joined.byteOffset + joined.byteLength) as ArrayBuffer
}

/**
 * The CMS's own REST and GraphQL route handlers (the ones `next start` serves) on a loopback
 * HTTP port, so other packages' tests (the site's loader) talk HTTP to a real CMS without a Next
 * build. `routes` adds other route handlers by path prefix (`/subscriptions/confirm`); `dispatch`
 * replaces the routing altogether. Like the CMS's own server (src/server/main.ts), it tells the
 * handlers each request's TCP peer and refuses bodies over their route's cap.
 */
export async function serveRest(
  payload: Payload,
  routes: Record<string, ExtraRoute> = {},
  dispatch?: ExtraRoute,
): Promise<ServedRest> {
  const handlers = restHandlers(payload)
  const graphql = graphqlRoute(Promise.resolve(payload.config))
  const requests: string[] = []
  markPeerHeaderStamped()
  const server = createServer(async (req, res) => {
    try {
      stampPeerAddress(req)
      if (refuseOversizeBody(req, res)) return
      const url = new URL(req.url ?? '/', 'http://127.0.0.1')
      requests.push(`${req.method} ${url.pathname}${url.search}`)
      const headers = new Headers()
      for (const [name, value] of Object.entries(req.headers)) {
        if (typeof value === 'string') headers.set(name, value)
      }
      const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : await readBody(req)
      const request = new Request(url, { method: req.method, headers, body })
      const extra = Object.entries(routes).find(([prefix]) => url.pathname.startsWith(prefix))?.[1]
      const handler = handlers[req.method ?? 'GET']
      let response: Response
      if (dispatch) response = await dispatch(request)
      else if (extra) response = await extra(request)
      else if (url.pathname === '/api/graphql' && req.method === 'POST') response = await graphql(request)
      else if (url.pathname.startsWith('/api/') && handler) {
        response = await handler(request, { params: Promise.resolve({ slug: apiSlug(url.pathname) }) })
      } else {
        res.writeHead(404).end()
        return
      }
      res.writeHead(response.status, Object.fromEntries(response.headers))
      res.end(Buffer.from(await response.arrayBuffer()))
    } catch (error) {
      res.writeHead(500).end(String(error))
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
