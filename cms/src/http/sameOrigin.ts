import { APIError, type Endpoint, type PayloadRequest } from 'payload'

/**
 * Cross-site request forgery guard for the custom endpoints that change state on a staff
 * session (docs/adr/0033). A browser lets any site post a form (urlencoded, text/plain or
 * multipart) to the CMS and may attach the session cookie; Payload's own `csrf` list only drops
 * the cookie when the Origin is foreign. These endpoints also refuse outright:
 * - a body of any type but theirs (JSON; multipart or CSV for the recipients import), so an HTML
 *   form can never be mistaken for the admin's own call;
 * - a request whose `Origin` is not the CMS's own, or which the browser marks as coming from
 *   another site (`Sec-Fetch-Site`). Non-browser clients send neither header and sign in with an
 *   API token, so they are not affected.
 */

export type BodyType = 'json' | 'multipart' | 'csv'

const mediaTypes: Record<BodyType, string> = {
  json: 'application/json',
  multipart: 'multipart/form-data',
  csv: 'text/csv',
}

/** Origins that count as the CMS itself: its public URL, Payload's csrf list, and the address the request came to. */
export function ownOrigins(req: PayloadRequest): Set<string> {
  const origins = new Set<string>()
  const add = (url: string | undefined | null) => {
    if (!url) return
    try {
      origins.add(new URL(url).origin)
    } catch {
      // not a URL: nothing to add
    }
  }
  add(req.payload.config.serverURL)
  for (const origin of req.payload.config.csrf ?? []) add(origin)
  const host = req.headers.get('host')
  if (host && req.url) add(`${new URL(req.url).protocol}//${host}`)
  return origins
}

/** Why the request is refused as cross-site, or undefined when it comes from the CMS itself. */
export function crossSiteReason(req: PayloadRequest): string | undefined {
  const site = req.headers.get('sec-fetch-site')
  if (site && site !== 'same-origin') return `the browser says it came from another site (Sec-Fetch-Site: ${site})`
  const origin = req.headers.get('origin')
  if (origin && !ownOrigins(req).has(origin)) return `it came from ${origin}, not from this CMS`
  return undefined
}

/** Why the body's type is refused, or undefined when it is one of `accepted` (or there is no body). */
export function bodyTypeReason(req: PayloadRequest, accepted: BodyType[]): string | undefined {
  const type = (req.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
  const length = req.headers.get('content-length')
  const bodyless = !type && (length === '0' || (length === null && !req.headers.get('transfer-encoding')))
  if (bodyless) return undefined
  if (accepted.some((name) => mediaTypes[name] === type)) return undefined
  const expected = accepted.map((name) => mediaTypes[name]).join(' or ')
  return `its body is ${type || 'of no declared type'}; this endpoint takes ${expected}`
}

/** Its own name, so that the config logs each refusal as one info line, not an error with a stack. */
export class CrossSiteRefused extends APIError {
  constructor(message: string) {
    super(message, 403, undefined, true)
    this.name = 'CrossSiteRefused'
  }
}

/**
 * The endpoint, refusing cross-site requests and foreign body types with 403 before its handler
 * runs (so nothing is read, checked or written).
 */
export function sameOriginOnly(endpoint: Endpoint, accepted: BodyType[] = ['json']): Endpoint {
  return {
    ...endpoint,
    handler: async (req) => {
      const reason = crossSiteReason(req) ?? bodyTypeReason(req, accepted)
      if (reason) {
        throw new CrossSiteRefused(
          `Refused: ${reason}. Use this from the CMS's admin pages, or from a script with an API token and a body of type ${accepted.map((name) => mediaTypes[name]).join(' or ')}.`,
        )
      }
      return endpoint.handler(req)
    },
  }
}
