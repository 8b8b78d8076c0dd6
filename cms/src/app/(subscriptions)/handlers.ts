import config from '@payload-config'
import { getPayload, type Payload } from 'payload'

/**
 * The subscription pages and the provider webhook are plain route handlers outside the admin's
 * route group: server-rendered HTML (or JSON), no client JavaScript.
 */
export function route(handler: (payload: Payload, request: Request) => Promise<Response>) {
  return async (request: Request) => handler(await getPayload({ config }), request)
}
