import type { Payload } from 'payload'
import { type AuditRecord, recordsOfFile } from '../records.ts'
import { inParallel } from './http.ts'

type UploadDoc = { filename?: string | null; sizes?: Record<string, { filename?: string | null } | undefined> }

/**
 * Every uploaded file and every image size, fetched anonymously at its file URL, by the names
 * staff see. A file served is read whole (its name, text, EXIF, bytes); a refusal is recorded with
 * the name it was asked for blanked, since echoing the request back reveals nothing.
 */
export async function collectUploadFiles(origin: string, payload: Payload): Promise<AuditRecord[]> {
  const wanted: { collection: string; filename: string }[] = []
  for (const collection of ['media', 'documents'] as const) {
    const docs = await payload.find({ collection, depth: 0, pagination: false, overrideAccess: true })
    for (const doc of docs.docs as UploadDoc[]) {
      const names = [doc.filename, ...Object.values(doc.sizes ?? {}).map((size) => size?.filename)]
      for (const filename of names) if (filename) wanted.push({ collection, filename })
    }
  }
  const batches = await inParallel(
    wanted.map(({ collection, filename }) => async () => {
      const path = `/api/${collection}/file/${encodeURIComponent(filename)}`
      const where = `file GET ${path}`
      const response = await fetch(`${origin}${path}`)
      const bytes = new Uint8Array(await response.arrayBuffer())
      if (response.ok) return recordsOfFile(where, filename, bytes)
      const body = Buffer.from(bytes).toString('utf8').replaceAll(filename, '<requested name>')
      return [{ where, text: `${response.status}\n${body}` }]
    }),
  )
  return batches.flat()
}
