import { type CollectionBeforeOperationHook, NotFound } from 'payload'
import { parseDocumentId } from '../http/documentId.ts'

/**
 * Documents have integer IDs on both databases. Payload answers a malformed ID in the URL
 * (`/api/statements/abc`) with a 500; it is a document that does not exist.
 */
export const rejectMalformedId: CollectionBeforeOperationHook = ({ args, req }) => {
  const id = (args as { id?: unknown }).id
  if (id === undefined || id === null || parseDocumentId(id) !== undefined) return args
  throw new NotFound(req.t)
}
