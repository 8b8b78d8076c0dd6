import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Payload } from 'payload'
import type { Media } from '../payload-types.ts'
import { findPersonalMetadata } from './findPersonalMetadata.ts'

type Ref = { id: number; filename: string }

export type PhotoCleanupReport = {
  /** Rewritten, with what was found in the original or a size ("EXIF", "XMP (web)"...). */
  stripped: (Ref & { found: string[] })[]
  /** Left as they are: an editor keeps their metadata. */
  kept: Ref[]
  /** The stored original is missing; nothing to clean. */
  missing: Ref[]
  alreadyClean: number
}

/**
 * Cleans media stored before metadata was stripped on upload (or put on disk by other means):
 * each original or size that still carries personal metadata is uploaded again through Payload,
 * under the same name, so stripUploadedPhoto cleans it, Payload remakes the sizes and records the
 * new size and dimensions, and updatedAt moves (the site's file cache fetches the clean copy;
 * the change queues a site build). Images whose metadata an editor keeps are left alone. A second
 * run finds nothing to do. ADR 0023.
 */
export async function stripStoredPhotoMetadata(payload: Payload): Promise<PhotoCleanupReport> {
  const report: PhotoCleanupReport = { stripped: [], kept: [], missing: [], alreadyClean: 0 }
  const staticDir = payload.collections.media.config.upload.staticDir ?? ''
  for (let page = 1; ; page++) {
    const batch = await payload.find({ collection: 'media', depth: 0, limit: 50, page, sort: 'id' })
    for (const media of batch.docs) {
      if (!media.filename) continue
      const ref = { id: media.id, filename: media.filename }
      if (media.keepMetadata) {
        report.kept.push(ref)
        continue
      }
      const original = await readFile(path.join(staticDir, media.filename)).catch(() => undefined)
      if (!original) {
        report.missing.push(ref)
        continue
      }
      const found = [...(await findPersonalMetadata(original)), ...(await sizesMetadata(media, staticDir))]
      if (found.length === 0) {
        report.alreadyClean += 1
        continue
      }
      await payload.update({
        collection: 'media',
        id: media.id,
        data: {},
        file: { data: original, name: media.filename, mimetype: media.mimeType ?? '', size: original.length },
        overwriteExistingFiles: true,
        depth: 0,
      })
      report.stripped.push({ ...ref, found })
    }
    if (!batch.hasNextPage) return report
  }
}

async function sizesMetadata(media: Media, staticDir: string): Promise<string[]> {
  const found: string[] = []
  for (const [name, size] of Object.entries(media.sizes ?? {})) {
    if (!size?.filename) continue
    const data = await readFile(path.join(staticDir, size.filename)).catch(() => undefined)
    if (data) found.push(...(await findPersonalMetadata(data)).map((what) => `${what} (${name})`))
  }
  return found
}
