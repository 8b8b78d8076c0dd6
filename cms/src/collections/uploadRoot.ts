import path from 'node:path'
import { defaultUploadDir } from '../paths.ts'

/**
 * Uploaded files live under UPLOAD_DIR, by default cms/data/uploads (git-ignored). The path is
 * runtime configuration, so the build must not try to trace files under it.
 */
export const uploadRoot = path.resolve(/*turbopackIgnore: true*/ process.env.UPLOAD_DIR ?? defaultUploadDir)
