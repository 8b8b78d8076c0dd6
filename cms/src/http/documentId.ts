import type { PayloadRequest } from 'payload'
import { type AccessWords, staffWords } from '../access/staffWords.ts'

/**
 * A document ID as a URL, a query or a CSV cell gives it. Documents have integer IDs on both
 * databases (docs/adr/0003); 15 digits always fit a safe integer. Anything else names no document.
 */
export function parseDocumentId(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? value : undefined
  return typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : undefined
}

/**
 * The `:id` of a custom endpoint's path (`/api/dispatches/:id/plan`), or the 404 to answer when it
 * names no document, in the admin's language: `what` says which kind ("dispatch" → `"x" is not a
 * dispatch ID.`).
 */
export function routeDocumentId(req: PayloadRequest, what: keyof AccessWords['idOf']): number | Response {
  const given = String(req.routeParams?.id ?? '')
  const say = staffWords(req, 'access')
  return (
    parseDocumentId(given) ??
    Response.json({ message: say('notAnId', { given, what: say(`idOf:${what}`) }) }, { status: 404 })
  )
}
