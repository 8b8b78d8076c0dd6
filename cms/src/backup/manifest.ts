import type { DatabaseKind } from '../db/adapter.ts'

/**
 * What a backup archive holds (docs/adr/0030): `manifest.json` first, then the database copy
 * under `database/`, the stored files under `uploads/` and `outbox/`, and, only when asked for,
 * the encrypted `secrets/cms.env.enc`. Every file is listed here with its size and SHA-256, so a
 * restore can refuse a damaged archive before it changes anything.
 */
export const manifestName = 'manifest.json'
export const backupFormat = 'pressroom-backup'
export const backupFormatVersion = 1

/** The folders of stored files an install keeps besides its database, by their name in the archive. */
export const storeNames = ['uploads', 'outbox'] as const
export type StoreName = (typeof storeNames)[number]

export type ArchivedFile = { path: string; bytes: number; sha256: string }

export type MigrationRow = { name: string; batch: number | null }

export type DatabaseCopy = {
  kind: DatabaseKind
  /** The copy's path inside the archive. */
  file: string
  /** How it was made: `VACUUM INTO` or the pg_dump version. */
  tool: string
  /** Payload's `payload_migrations` rows (SQLite: the schema push's "dev" row). */
  migrations: MigrationRow[]
  /** SHA-256 of the schema's SQL (SQLite) or of its table and column list (PostgreSQL). */
  schemaSha256: string
}

export type Manifest = {
  format: typeof backupFormat
  formatVersion: typeof backupFormatVersion
  createdAt: string
  /** Why it was made: `backup` (the command) or `before-schema-push` (automatic, on start). */
  reason: string
  versions: { app: string; gitCommit: string; node: string; payload: string }
  database: DatabaseCopy
  /** The encrypted cms/.env, when the backup was made with --with-secrets. */
  secrets: { file: string; cipher: 'aes-256-gcm'; kdf: 'scrypt' } | null
  files: ArchivedFile[]
}

/** A backup the restore will not use; the message says why and that nothing was changed. */
export class BackupRefused extends Error {
  override name = 'BackupRefused'
}

export function parseManifest(text: string, archive: string): Manifest {
  let manifest: Manifest
  try {
    manifest = JSON.parse(text) as Manifest
  } catch {
    throw new BackupRefused(
      `${archive}: its manifest.json is not valid JSON, so the archive is damaged. Nothing was changed.`,
    )
  }
  if (manifest?.format !== backupFormat || !Array.isArray(manifest.files) || !manifest.database?.file) {
    throw new BackupRefused(`${archive} is not a press room backup (no valid manifest.json). Nothing was changed.`)
  }
  if (manifest.formatVersion !== backupFormatVersion) {
    throw new BackupRefused(
      `${archive} has backup format ${manifest.formatVersion}; this version reads format ${backupFormatVersion}. ` +
        'Restore it with the release that made it (see its manifest.json). Nothing was changed.',
    )
  }
  return manifest
}
