import path from 'node:path'
import { cmsDataDir, cmsRoot, defaultSqliteFile, defaultUploadDir } from '../paths.ts'
import type { StoreName } from './manifest.ts'

/**
 * Where one press room keeps what a backup must hold: its database, its folders of stored files
 * and its cms/.env. Read from the same variables the CMS reads (README, Configuration).
 */
export type Install = {
  databaseUrl: string
  stores: Record<StoreName, string>
  envFile: string
}

export function currentInstall(env: Record<string, string | undefined> = process.env): Install {
  return {
    databaseUrl: env.DATABASE_URL || `file:${defaultSqliteFile}`,
    stores: {
      uploads: path.resolve(env.UPLOAD_DIR || defaultUploadDir),
      outbox: path.resolve(env.MAIL_OUTBOX_DIR || path.join(cmsDataDir, 'outbox')),
    },
    envFile: path.join(cmsRoot, '.env'),
  }
}

/** The SQLite file a `file:` URL names. */
export const sqliteFile = (url: string) => path.resolve(url.slice('file:'.length).replace(/^\/\/(?=\/)/, ''))
