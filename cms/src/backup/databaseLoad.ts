import { existsSync } from 'node:fs'
import { copyFile, mkdir, rename, rm } from 'node:fs/promises'
import path from 'node:path'
import { createClient } from '@libsql/client'
import { databaseKind } from '../db/adapter.ts'
import { sqliteFile } from './install.ts'
import { psqlValue, runPostgresTool } from './postgresTools.ts'

/** How many tables the database has (0: empty or not there yet): what a restore would overwrite. */
export async function countTables(url: string): Promise<number> {
  if (databaseKind(url) === 'postgres') {
    return Number(await psqlValue(url, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"))
  }
  const file = sqliteFile(url)
  // Not there yet is empty; opening it would create the file.
  if (!existsSync(file)) return 0
  const client = createClient({ url: `file:${file}` })
  try {
    const result = await client.execute("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'")
    return Number(result.rows[0]?.n ?? 0)
  } catch {
    return 0
  } finally {
    client.close()
  }
}

/**
 * Puts a verified database copy in place of the install's database, in one step each way:
 * SQLite by renaming a complete file over the old one (its stale WAL files removed first);
 * PostgreSQL by loading the dump in one transaction that also empties the schema, so a failure
 * leaves the old data as it was. The CMS must be stopped.
 */
export async function loadDatabase(url: string, copy: string): Promise<void> {
  if (databaseKind(url) === 'postgres') {
    await runPostgresTool('psql', [
      '-X',
      '-q',
      '-v',
      'ON_ERROR_STOP=1',
      '--single-transaction',
      '-d',
      url,
      '-c',
      'DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;',
      '-f',
      copy,
    ])
    return
  }
  const file = sqliteFile(url)
  const next = path.join(path.dirname(file), `.${path.basename(file)}.restoring`)
  await mkdir(path.dirname(file), { recursive: true })
  await copyFile(copy, next)
  for (const suffix of ['-wal', '-shm', '-journal']) await rm(`${file}${suffix}`, { force: true })
  await rename(next, file)
}
