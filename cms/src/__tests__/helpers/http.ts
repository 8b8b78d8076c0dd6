import { GRAPHQL_POST } from '@payloadcms/next/routes'
import type { Payload } from 'payload'
import { apiSlug, restHandlers } from '../../testing/serveRest.ts'

/**
 * Calls the CMS's own REST and GraphQL route handlers (the ones `next start` serves) with real
 * Request objects, so HTTP-level behaviour (query parsing, auth headers, status codes) is
 * tested without a built Next server.
 */
export function httpClient(payload: Payload) {
  const config = Promise.resolve(payload.config)
  const handlers = restHandlers(payload)

  async function rest(
    method: string,
    pathAndQuery: string,
    init: { body?: unknown; token?: string; form?: FormData } = {},
  ) {
    const url = new URL(`http://localhost/api${pathAndQuery}`)
    const headers = new Headers()
    if (init.token) headers.set('Authorization', `JWT ${init.token}`)
    let body: BodyInit | undefined
    if (init.form) {
      // Serialized up front, as a socket would deliver it: a lazily generated FormData stream
      // that the parser aborts at the size limit makes undici throw outside the request.
      const encoded = new Response(init.form)
      headers.set('Content-Type', encoded.headers.get('Content-Type') ?? '')
      body = new Uint8Array(await encoded.arrayBuffer())
    } else if (init.body !== undefined) {
      headers.set('Content-Type', 'application/json')
      body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body)
    }
    const slug = apiSlug(url.pathname)
    const handler = handlers[method]
    if (!handler) throw new Error(`No handler for ${method}`)
    const response = await handler(new Request(url, { method, headers, body }), { params: Promise.resolve({ slug }) })
    const text = await response.text()
    const json = jsonOf(text)
    return { status: response.status, json, text }
  }

  const graphqlHandler = GRAPHQL_POST(config) as unknown as (request: Request) => Promise<Response>

  return {
    get: (p: string, init?: { token?: string }) => rest('GET', p, init),
    post: (p: string, body?: unknown, init?: { token?: string; form?: FormData }) => rest('POST', p, { ...init, body }),
    patch: (p: string, body?: unknown, init?: { token?: string }) => rest('PATCH', p, { ...init, body }),
    delete: (p: string, init?: { token?: string }) => rest('DELETE', p, init),
    async graphql(query: string, init: { token?: string; variables?: Record<string, unknown> } = {}) {
      const headers = new Headers({ 'Content-Type': 'application/json' })
      if (init.token) headers.set('Authorization', `JWT ${init.token}`)
      const response = await graphqlHandler(
        new Request('http://localhost/api/graphql', {
          method: 'POST',
          headers,
          body: JSON.stringify({ query, variables: init.variables }),
        }),
      )
      return { status: response.status, json: (await response.json()) as any }
    },
    async login(email: string, password: string): Promise<string> {
      const res = await rest('POST', '/users/login', { body: { email, password } })
      if (res.status !== 200 || !res.json?.token) throw new Error(`login failed: ${res.status} ${res.text}`)
      return res.json.token as string
    },
  }
}

/** A reply's body as JSON, or undefined when it is empty or not JSON (an HTML error page). */
export function jsonOf(text: string): any {
  try {
    return text ? JSON.parse(text) : undefined
  } catch {
    return undefined
  }
}
