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
