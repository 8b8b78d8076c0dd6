/**
 * Mistakes of a caller's that Payload reads before any hook runs and answers with a 500
 * (docs/adr/0035): `where` or `data` in the query given as JSON text that is not JSON (read with
 * a bare JSON.parse); a multipart body that is not a well-formed form (its parser, busboy,
 * throws), that has no boundary, or whose `_payload` field is not JSON. Gives the message a 400
 * should carry, or undefined for any other error, which stays a server error.
 */
export function unreadableRequest(
  error: unknown,
  request: { query?: Record<string, unknown>; contentType: string; dataRead: boolean },
): string | undefined {
  if (!(error instanceof Error)) return undefined
  const multipart = request.contentType.toLowerCase().startsWith('multipart/')
  if (error instanceof SyntaxError) {
    const name = (['where', 'data'] as const).find((key) => isUnparsable(request.query?.[key]))
    if (name) return `"${name}" is not valid JSON. Write it as ${name}[field][operator]=value, or as JSON text.`
    if (multipart && !request.dataRead)
      return 'The form\'s "_payload" field is not valid JSON. Send the document\'s fields in it as a JSON object.'
    return undefined
  }
  if (!multipart) return undefined
  // Matched by message, not by file name: a bundler may rename busboy's files.
  if ((error.constructor === Error && formProblems.test(error.message)) || error.message === notEligible) {
    return `The request body is not a readable multipart form (${error.message}). Send multipart/form-data with its boundary, or JSON.`
  }
  return undefined
}

/** What busboy throws, all of it about the bytes it was given (it does no I/O of its own). */
const formProblems =
  /^(Unexpected end of (form|file)|Malformed (part header|urlencoded form|content type)|Multipart: Boundary not found|Missing Content-Type|Unsupported content type: .*)$/

/** Payload's own word for a multipart type without a boundary, or one with no body. */
const notEligible = 'Request is not eligible for file upload'

function isUnparsable(value: unknown): boolean {
  if (typeof value !== 'string' || value.length === 0) return false
  try {
    JSON.parse(value)
    return false
  } catch {
    return true
  }
}
