import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, PayloadRequest } from 'payload'

/**
 * Payload 3.90 re-encodes every WebP and GIF original itself (sharp's defaults: WebP quality 80,
 * colours converted to sRGB and the ICC profile dropped). These hooks store the original that
 * stripUploadedPhoto prepared instead, so every format is kept as ADR 0023 says; JPEG, PNG and
 * AVIF are stored as given and pass through untouched. Sizes are still made by Payload.
 */
const prepared = new WeakMap<PayloadRequest, Buffer>()

/** The bytes this request's original must be stored as. */
export function rememberPreparedOriginal(req: PayloadRequest, data: Buffer): void {
  prepared.set(req, data)
}

export const recordPreparedSize: CollectionBeforeChangeHook = ({ data, req }) => {
  const original = prepared.get(req)
  if (original && data.filename) data.filesize = original.length
  return data
}

export const storePreparedOriginal: CollectionAfterChangeHook = async ({ collection, doc, req }) => {
  const original = prepared.get(req)
  const staticDir = collection.upload?.staticDir
  if (!original || !staticDir || typeof doc.filename !== 'string') return doc
  const target = path.join(staticDir, doc.filename)
  const stored = await readFile(target).catch(() => undefined)
  if (!stored?.equals(original)) await writeFile(target, original)
  return doc
}
