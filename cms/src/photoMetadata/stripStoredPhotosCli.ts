/**
 * `pnpm --filter @pressroom/cms strip-photo-metadata`: removes location, camera and owner data
 * from media uploaded before uploads were cleaned (ADR 0023). Reads cms/.env like the CMS; run it
 * on the machine that holds the uploads, while the CMS runs or not. Safe to run again.
 */
import { getPayload } from 'payload'
import config from '../payload.config.ts'
import { stripStoredPhotoMetadata } from './stripStoredPhotos.ts'

const payload = await getPayload({ config })
try {
  const report = await stripStoredPhotoMetadata(payload)
  for (const { id, filename, found } of report.stripped) {
    payload.logger.info(`media ${id} "${filename}": removed ${found.join(', ')}`)
  }
  for (const { id, filename } of report.kept) {
    payload.logger.warn(`media ${id} "${filename}": left as it is, an editor keeps its metadata ("keepMetadata")`)
  }
  for (const { id, filename } of report.missing) {
    payload.logger.warn(`media ${id} "${filename}": the stored file is missing; upload it again or delete the image`)
  }
  payload.logger.info(
    `${report.stripped.length} image(s) cleaned, ${report.alreadyClean} already clean, ${report.kept.length} kept by choice, ${report.missing.length} missing`,
  )
} finally {
  await payload.destroy()
}
process.exit(0)
