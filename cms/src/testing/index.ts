/**
 * Test helpers to run against a real CMS: other packages' tests (the site's loader and editions)
 * and the CMS's own tests import them from here. Nothing here imports a test file.
 */
export { createStaff, type StartedPayload, staffPassword, startPayload } from './payload.ts'
export {
  exiftoolTags,
  markersIn,
  personalTags,
  withCameraMetadata,
} from './photoMetadata.ts'
export { type ServedRest, serveRest } from './serveRest.ts'
