import { createHash } from 'node:crypto'
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { createClient } from '@libsql/client'
import { databaseKind } from '../db/adapter.ts'
import { sqliteFile } from './install.ts'
import type { DatabaseCopy, MigrationRow } from './manifest.ts'
import { psqlValue, runPostgresTool } from './postgresTools.ts'

/**
 * A consistent copy of a live database, taken while the CMS may be writing: SQLite's
 * `VACUUM INTO` reads one snapshot (WAL mode lets writers go on); `pg_dump` does the same inside
 * one transaction. The copy goes to `dir`; the result says where and in what state the schema was.
 */
export async function copyDatabase(url: string, dir: string): Promise<DatabaseCopy> {
  await mkdir(dir, { recursive: true })
  return databaseKind(url) === 'postgres' ? dumpPostgres(url, dir) : copySqlite(url, dir)
}

async function copySqlite(url: string, dir: string): Promise<DatabaseCopy> {
  const target = path.join(dir, 'pressroom.sqlite')
  const client = createClient({ url: `file:${sqliteFile(url)}` })
  try {
    await client.execute('PRAGMA busy_timeout = 10000')
    await client.execute({ sql: 'VACUUM INTO ?', args: [target] })
    const schema = await client.execute('SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type, name')
    const migrations = await sqliteMigrations(client)
    return {
      kind: 'sqlite',
      file: 'database/pressroom.sqlite',
      tool: 'VACUUM INTO',
      migrations,
      schemaSha256: digest(schema.rows.map((row) => String(row.sql))),
    }
  } finally {
    client.close()
  }
}

async function sqliteMigrations(client: ReturnType<typeof createClient>): Promise<MigrationRow[]> {
  const table = await client.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'payload_migrations'")
  if (table.rows.length === 0) return []
  const rows = await client.execute('SELECT name, batch FROM payload_migrations ORDER BY id')
  return rows.rows.map((row) => ({ name: String(row.name), batch: row.batch === null ? null : Number(row.batch) }))
}

async function dumpPostgres(url: string, dir: string): Promise<DatabaseCopy> {
  const target = path.join(dir, 'pressroom.sql')
  // Plain SQL without owners or grants: it restores into any empty database the restoring role owns.
  await runPostgresTool('pg_dump', [
    '--no-owner',
    '--no-privileges',
    '--format=plain',
    '--file',
    target,
    '--dbname',
    url,
  ])
  const version = (await runPostgresTool('pg_dump', ['--version'])).trim()
  const migrations = await psqlValue(
    url,
    "SELECT coalesce(json_agg(json_build_object('name', name, 'batch', batch) ORDER BY id), '[]') FROM payload_migrations",
  ).catch(() => '[]')
  const columns = await psqlValue(
    url,
    "SELECT string_agg(table_name || '.' || column_name || ' ' || data_type, E'\\n' ORDER BY table_name, ordinal_position) " +
      "FROM information_schema.columns WHERE table_schema = 'public'",
  )
  return {
    kind: 'postgres',
    file: 'database/pressroom.sql',
    tool: version,
    migrations: JSON.parse(migrations) as MigrationRow[],
    schemaSha256: digest([columns]),
  }
}

const digest = (parts: string[]) => createHash('sha256').update(parts.join('\n')).digest('hex')
