import { APIError, type CollectionBeforeOperationHook } from 'payload'

/**
 * A create or update must carry a document. Payload reads a body of a type it does not know
 * (text/plain, none at all) as no document and then fails on it with a 500 in collections with
 * drafts; it is the caller's mistake, answered with a 400 that says what to send (docs/adr/0035).
 * An upload may come as a file alone.
 */
export const requireDocumentData: CollectionBeforeOperationHook = ({ args, operation, overrideAccess, req }) => {
  if ((operation !== 'create' && operation !== 'update') || overrideAccess === true) return args
  const data = (args as { data?: unknown }).data
  const isDocument = typeof data === 'object' && data !== null && !Array.isArray(data)
  if (isDocument || (data === undefined && req.file)) return args
  throw new APIError(
    'The request carries no document. Send its fields as a JSON object (Content-Type: application/json), or as a multipart form with the fields as JSON in "_payload".',
    400,
    undefined,
    true,
  )
}
