import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** Uploaded files live under UPLOAD_DIR, by default cms/data/uploads (git-ignored). */
export const uploadRoot = path.resolve(
  process.env.UPLOAD_DIR ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '../../data/uploads'),
)
