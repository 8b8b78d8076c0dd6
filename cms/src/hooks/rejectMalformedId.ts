import { type CollectionBeforeOperationHook, NotFound } from 'payload'

/**
 * Documents have integer IDs on both databases. Payload answers a malformed ID in the URL
 * (`/api/statements/abc`) with a 500; it is a document that does not exist.
 */
export const rejectMalformedId: CollectionBeforeOperationHook = ({ args, req }) => {
  const id = (args as { id?: unknown }).id
  if (id === undefined || id === null) return args
  if (typeof id === 'number' && Number.isSafeInteger(id) && id >= 0) return args
  if (typeof id === 'string' && /^\d{1,15}$/.test(id)) return args
  throw new NotFound(req.t)
}
