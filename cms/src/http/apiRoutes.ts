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
import { fragmentCycle } from './graphqlLimits.ts'
import { unreadableRequest } from './unreadableRequest.ts'

type Config = Promise<SanitizedConfig> | SanitizedConfig
type Handler = (request: Request, args: { params: Promise<{ slug: string[] }> }) => Promise<Response>

/**
 * Payload's REST route handlers, as the app serves them (app/(payload)/api), with two paths that
 * lead nowhere answered as such (404) instead of with a server error: the versions of a collection
 * or global that keeps none (Payload queries a table that does not exist), and a collection
 * without REST endpoints (Payload's migrations table answers 501 Not Implemented).
 */
export function restRoutes(config: Config): Record<'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE' | 'OPTIONS', Handler> {
  const nowhereAs404 =
    (handler: Handler): Handler =>
    async (request, args) => {
      const pathname = new URL(request.url).pathname
      const nowhere = Response.json(
        { errors: [{ message: `Nothing is served at ${pathname}.` }], message: `Nothing is served at ${pathname}.` },
        { status: 404 },
      )
      if (await unversioned(await config, pathname)) return nowhere
      const response = await handler(request, args)
      return response.status === 501 ? nowhere : response
    }
  return {
    GET: nowhereAs404(REST_GET(config) as Handler),
    POST: nowhereAs404(REST_POST(config) as Handler),
    PATCH: nowhereAs404(REST_PATCH(config) as Handler),
    PUT: nowhereAs404(REST_PUT(config) as Handler),
    DELETE: nowhereAs404(REST_DELETE(config) as Handler),
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
    const cycle = fragmentCycle(await queryText(request))
    if (cycle) return refusal(400, cycle)
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

/** The GraphQL query a request carries, or '' (the handler then says what is wrong with it). */
async function queryText(request: Request): Promise<string> {
  try {
    const body = (await request.clone().json()) as { query?: unknown }
    return typeof body?.query === 'string' ? body.query : ''
  } catch {
    return ''
  }
}

/** Whether the path asks for the versions of a collection or global that keeps none. */
async function unversioned(config: SanitizedConfig, pathname: string): Promise<boolean> {
  const match = /^\/api\/(?:(globals)\/)?([^/]+)\/versions(?:\/|$)/.exec(pathname)
  if (!match) return false
  const entity = match[1]
    ? config.globals.find((global) => global.slug === match[2])
    : config.collections.find((collection) => collection.slug === match[2])
  return entity !== undefined && !entity.versions
}

const refusal = (status: number, message: string) => Response.json({ errors: [{ message }] }, { status })
