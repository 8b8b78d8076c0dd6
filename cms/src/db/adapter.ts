import path from 'node:path'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { index } from '@payloadcms/db-sqlite/drizzle/sqlite-core'
import type { DatabaseAdapterObj } from 'payload'
import { cmsRoot, defaultSqliteFile } from '../paths.ts'

export const migrationDir = path.join(cmsRoot, 'src/migrations')

export type DatabaseKind = 'sqlite' | 'postgres'

export function databaseKind(url = process.env.DATABASE_URL): DatabaseKind {
  if (!url || url.startsWith('file:')) return 'sqlite'
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return 'postgres'
  throw new Error(
    `DATABASE_URL "${url}" is not understood. Leave it unset for the embedded SQLite database, ` +
      'use file:/path/to/file.db for another SQLite file, or postgres://user:password@host:5432/db for PostgreSQL.',
  )
}

/**
 * SQLite by default (a file under cms/data/), PostgreSQL when DATABASE_URL says so.
 * PostgreSQL runs on the committed migrations only; SQLite pushes its schema (docs/adr/0003).
 */
export function databaseAdapter(url = process.env.DATABASE_URL): DatabaseAdapterObj {
  if (databaseKind(url) === 'postgres') {
    return postgresAdapter({
      pool: { connectionString: url },
      migrationDir,
      push: false,
    })
  }
  return sqliteAdapter({
    client: { url: url ?? `file:${defaultSqliteFile}` },
    migrationDir: path.join(cmsRoot, 'src/migrations-sqlite'),
    busyTimeout: 10_000,
    wal: true,
    afterSchemaInit: [indexLocalesByParent],
  })
}

/**
 * Payload indexes `*_locales` tables only on (_locale, _parent_id) together, so SQLite scans
 * the table whenever it reads a document's locales by parent: 20+ s for 2,000 documents.
 * PostgreSQL plans around it; SQLite needs the index (docs/adr/0003).
 */
const indexLocalesByParent: NonNullable<Parameters<typeof sqliteAdapter>[0]['afterSchemaInit']>[number] = ({
  schema,
  extendTable,
}) => {
  for (const [name, table] of Object.entries(schema.tables)) {
    if (!name.endsWith('_locales') || !('_parentID' in table)) continue
    extendTable({
      table,
      extraConfig: (t) => ({ parentIdIdx: index(`${name}_parent_id_idx`).on(t._parentID) }),
    })
  }
  return schema
}
