import path from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * Where the CMS keeps its files by default. The start script passes these as absolute paths
 * (DATABASE_URL, UPLOAD_DIR), because the built Next server cannot find them from its bundle.
 */
export const cmsRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const cmsDataDir = path.join(cmsRoot, 'data')
export const defaultSqliteFile = path.join(cmsDataDir, 'pressroom.db')
export const defaultUploadDir = path.join(cmsDataDir, 'uploads')
