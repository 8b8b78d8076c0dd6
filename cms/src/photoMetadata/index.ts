/**
 * Photos lose their location, camera and owner data before Payload stores them (ADR 0023).
 * Media plugs in `stripUploadedPhoto` (beforeOperation, after the upload checks), the two hooks
 * of storePreparedOriginal and `keepMetadataField`; `stripStoredPhotoMetadata(payload)` cleans
 * what was stored before (the `strip-photo-metadata` command).
 */
export { findPersonalMetadata } from './findPersonalMetadata.ts'
export { keepMetadataField } from './keepMetadataField.ts'
export { recordPreparedSize, storePreparedOriginal } from './storePreparedOriginal.ts'
export { stripImageMetadata } from './stripImageMetadata.ts'
export { type PhotoCleanupReport, stripStoredPhotoMetadata } from './stripStoredPhotos.ts'
export { stripUploadedPhoto } from './stripUploadedPhoto.ts'
