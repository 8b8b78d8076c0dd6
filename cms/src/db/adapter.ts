import path from 'node:path'
import type { Client } from '@libsql/client'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { index } from '@payloadcms/db-sqlite/drizzle/sqlite-core'
import type { DatabaseAdapterObj } from 'payload'
import { cmsRoot, defaultSqliteFile } from '../paths.ts'
import { openSqliteClient } from './sqliteClient.ts'
import { sqliteSettings } from './sqliteSettings.ts'

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
    return withJobUpdatesThatEnd(
      postgresAdapter({
        pool: { connectionString: url },
        migrationDir,
        push: false,
      }),
    )
  }
  const client = { url: url ?? `file:${defaultSqliteFile}` }
  const adapter = sqliteAdapter({
    client,
    migrationDir: path.join(cmsRoot, 'src/migrations-sqlite'),
    // Transactions on, as on PostgreSQL: what must change together does (docs/adr/0029). The
    // adapter passes these options to drizzle, whose libsql driver ignores them.
    transactionOptions: {},
    afterSchemaInit: [indexLocalesByParent],
  })
  return withJobUpdatesThatEnd(withSqliteClient(adapter, () => openSqliteClient(client, sqliteSettings())))
}

/**
 * Payload updates a job (its log line after each task, its end) in a transaction it begins for
 * that one write and commits after it, without a rollback when the write fails: a run whose job
 * was taken over, finished and removed by another process fails on its log line, and that
 * transaction stayed open for good. On SQLite it held this process's one writer, so every later
 * write waited and failed and the next process could not start on the file; on PostgreSQL it
 * kept a connection. A failed job update now rolls its transaction back before the error goes on
 * (Payload's operations roll back their own transactions on error as well; rolling back an
 * ended one does nothing). A job that is no longer there is left out of the result instead of
 * coming back as null.
 */
function withJobUpdatesThatEnd(adapter: DatabaseAdapterObj): DatabaseAdapterObj {
  return {
    ...adapter,
    init: (args) => {
      const instance = adapter.init(args)
      const updateJobs = instance.updateJobs
      instance.updateJobs = async function (this: typeof instance, jobArgs) {
        try {
          const updated = await updateJobs.call(this, jobArgs)
          // A job removed meanwhile (finished by the run that took it over) comes back as null, on
          // which Payload's job code throws: it is simply not there to update any more.
          return Array.isArray(updated) ? updated.filter((job) => job != null) : updated
        } catch (error) {
          const id = await jobArgs.req?.transactionID
          if (id !== undefined) await this.rollbackTransaction(id).catch(() => {})
          throw error
        }
      }
      return instance
    },
  }
}

/**
 * Payload's SQLite adapter opens its libsql client itself, on first connect, unless one is
 * there: hand it ours (WAL and pragmas set there), which is safe with transactions.
 */
function withSqliteClient(adapter: DatabaseAdapterObj, open: () => Promise<Client>): DatabaseAdapterObj {
  return {
    ...adapter,
    init: (args) => {
      const instance = adapter.init(args) as ReturnType<DatabaseAdapterObj['init']> & { client?: Client }
      const connect = instance.connect
      instance.connect = async function (this: typeof instance, options) {
        if (!this.client) this.client = await open()
        return connect?.call(this, options)
      }
      return instance
    },
  }
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
