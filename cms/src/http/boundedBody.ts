import { APIError, type PayloadRequest } from 'payload'

/**
 * Reads a request body of at most `maxBytes`. Returns null as soon as it is known to be larger,
 * from its declared length or while reading (the rest is never buffered): the public endpoints
 * then answer 413 and write nothing.
 */
export async function readBodyUpTo(
  request: { headers: Headers; body?: ReadableStream<Uint8Array> | null },
  maxBytes: number,
): Promise<Uint8Array<ArrayBuffer> | null> {
  if (Number(request.headers.get('content-length') ?? 0) > maxBytes) return null
  if (!request.body) return new Uint8Array()
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > maxBytes) {
      await reader.cancel().catch(() => {})
      return null
    }
    chunks.push(value)
  }
  return new Uint8Array(Buffer.concat(chunks))
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

/**
 * A staff endpoint's body of at most `maxBytes`; more is refused with Payload's 413 error, naming
 * the `what` ("file", "request"), without buffering the rest.
 */
export async function readBoundedBody(req: PayloadRequest, maxBytes: number, what: string): Promise<Uint8Array> {
  // Payload's request carries the web Request's headers and body stream.
  const bytes = await readBodyUpTo(req as { headers: Headers; body?: ReadableStream<Uint8Array> | null }, maxBytes)
  if (bytes) return bytes
  throw new APIError(
    `The ${what} is larger than ${megabytes(maxBytes)}, the most one upload takes. Split it into smaller files.`,
    413,
    undefined,
    true,
  )
}
