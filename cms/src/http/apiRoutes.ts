import {
  GRAPHQL_POST,
  REST_DELETE,
  REST_GET,
  REST_OPTIONS,
  REST_PATCH,
  REST_POST,
  REST_PUT,
} from '@payloadcms/next/routes'
import type { SanitizedConfig } from 'payload'
import { unreadableRequest } from './unreadableRequest.ts'

type Config = Promise<SanitizedConfig> | SanitizedConfig
type Handler = (request: Request, args: { params: Promise<{ slug: string[] }> }) => Promise<Response>

/**
 * Payload's REST route handlers, as the app serves them (app/(payload)/api), with one correction:
 * a collection without REST endpoints (Payload's own migrations table) answers 501 Not
 * Implemented, a server error for what is only a path that leads nowhere; it is a 404.
 */
export function restRoutes(config: Config): Record<'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE' | 'OPTIONS', Handler> {
  const notFoundFor501 =
    (handler: Handler): Handler =>
    async (request, args) => {
      const response = await handler(request, args)
      if (response.status !== 501) return response
      const message = `Nothing is served at ${new URL(request.url).pathname}.`
      return Response.json({ errors: [{ message }], message }, { status: 404 })
    }
  return {
    GET: notFoundFor501(REST_GET(config) as Handler),
    POST: notFoundFor501(REST_POST(config) as Handler),
    PATCH: notFoundFor501(REST_PATCH(config) as Handler),
    PUT: notFoundFor501(REST_PUT(config) as Handler),
    DELETE: notFoundFor501(REST_DELETE(config) as Handler),
    OPTIONS: REST_OPTIONS(config) as Handler,
  }
}

/**
 * Payload's GraphQL route handler, taking JSON only (a GraphQL request is a JSON object), and
 * answering a body it cannot read with a 400: Payload reads the body before its GraphQL handler
 * and lets what that throws through as a 500 (docs/adr/0035).
 */
export function graphqlRoute(config: Config): (request: Request) => Promise<Response> {
  const handler = GRAPHQL_POST(config) as unknown as (request: Request) => Promise<Response>
  return async (request) => {
    const contentType = request.headers.get('content-type') ?? ''
    if (!/^application\/json\s*(;|$)/i.test(contentType)) {
      return refusal(415, 'Send GraphQL requests as application/json: {"query": "{ … }", "variables": {…}}.')
    }
    try {
      return await handler(request)
    } catch (error) {
      const status = (error as { status?: unknown }).status
      if (typeof status === 'number' && status >= 400 && status < 500) return refusal(status, (error as Error).message)
      const message = unreadableRequest(error, { contentType, dataRead: false })
      if (message) return refusal(400, message)
      throw error
    }
  }
}

const refusal = (status: number, message: string) => Response.json({ errors: [{ message }] }, { status })
