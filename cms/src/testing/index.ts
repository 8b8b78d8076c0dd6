/** Test helpers other packages use to run against a real CMS (site loader tests, e2e). */
export { createStaff, type StartedPayload, staffPassword, startPayload } from '../__tests__/helpers/payload.ts'
export {
  exiftoolTags,
  markersIn,
  personalTags,
  withCameraMetadata,
} from '../__tests__/helpers/photoMetadata.ts'
export { type ServedRest, serveRest } from './serveRest.ts'
