import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'
import { createClient } from '@libsql/client'
import type { Payload } from 'payload'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { createBackup, type Install } from '../backup/index.ts'
import { verifyArchive } from '../backup/readArchive.ts'
import { applyInOneTransaction, getPayloadWithSafePush, type SafePushResult } from '../db/pushSchemaSafely.ts'
import { foundingStatementSlug, seed } from '../seed/index.ts'
import { testDatabase } from '../testing/payload.ts'

/**
 * Safe upgrades of the embedded database (issue 12 item 6, docs/adr/0030): databases made by
 * earlier releases (fixtures/upgrade/README.md) are started with the current code as
 * `./pressroom start` does (getPayloadWithSafePush, then the seed), and must keep their content,
 * subscribers and sign-in, with a backup of the old state written before the push changed it.
 */
const fixtures = path.join(import.meta.dirname, 'fixtures/upgrade')
const fixturePassword = 'fixture password 1234'
const opened: Payload[] = []
const dirs: string[] = []

type Snapshot = { schema: string; rows: Record<string, string[]> }

/** The schema's SQL digest and the rows that must survive, read with plain SQL. */
async function snapshot(file: string): Promise<Snapshot> {
  const client = createClient({ url: `file:${file}` })
  try {
    const schema = await client.execute('SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type, name')
    const tables = new Set(
      (await client.execute("SELECT name FROM sqlite_master WHERE type = 'table'")).rows.map((r) => String(r.name)),
    )
    const queries: Record<string, string> = {
      statements:
        'SELECT s.slug, l.title, l._locale FROM statements s JOIN statements_locales l ON l._parent_id = s.id ORDER BY s.id, l._locale',
      topics:
        'SELECT t.slug, l.title, l._locale FROM topics t JOIN topics_locales l ON l._parent_id = t.id ORDER BY t.id, l._locale',
      users: 'SELECT email, role FROM users ORDER BY id',
      media: 'SELECT filename, filesize FROM media ORDER BY id',
      subscribers: 'SELECT email, status FROM subscribers ORDER BY id',
    }
    const rows: Record<string, string[]> = {}
    for (const [table, sql] of Object.entries(queries)) {
      if (!tables.has(table)) continue
      rows[table] = (await client.execute(sql)).rows.map((row) => JSON.stringify(Object.values(row)))
    }
    return {
      schema: createHash('sha256')
        .update(schema.rows.map((r) => String(r.sql)).join('\n'))
        .digest('hex'),
      rows,
    }
  } finally {
    client.close()
  }
}

/** Copies a fixture and starts the current code on it the way the start script does. */
async function upgrade(fixture: string): Promise<{
  result: SafePushResult
  before: Snapshot
  after: Snapshot
  install: Install
  backupSawOldSchema: boolean | null
}> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pressroom-upgrade-'))
  dirs.push(dir)
  const file = path.join(dir, 'pressroom.db')
  writeFileSync(file, gunzipSync(readFileSync(path.join(fixtures, fixture))))
  const before = await snapshot(file)
  const install: Install = {
    databaseUrl: `file:${file}`,
    stores: { uploads: path.join(dir, 'uploads'), outbox: path.join(dir, 'outbox') },
    envFile: path.join(dir, 'cms.env'),
  }
  Object.assign(process.env, {
    PAYLOAD_SECRET: 'test-secret-that-is-long-enough-0123456789',
    JOBS_AUTORUN_CRON: 'off',
    SITE_BUILD: 'off',
    DATABASE_URL: install.databaseUrl,
    UPLOAD_DIR: install.stores.uploads,
    MAIL_OUTBOX_DIR: install.stores.outbox,
  })
  vi.resetModules()
  const { default: config } = await import('../payload.config.ts')
  let backupSawOldSchema: boolean | null = null
  const result = await getPayloadWithSafePush(config, {
    key: fixture,
    backup: async () => {
      // Called before the push: the database must still be the old one.
      backupSawOldSchema = (await snapshot(file)).schema === before.schema
      const archive = path.join(dir, 'backups/before-schema-push.tar.gz')
      return (await createBackup(install, { archive, reason: 'before-schema-push' })).archive
    },
  })
  opened.push(result.payload)
  await seed(result.payload, { adminPassword: fixturePassword })
  return { result, before, after: await snapshot(file), install, backupSawOldSchema }
}

afterAll(async () => {
  for (const payload of opened) await payload.destroy()
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

describe.skipIf(testDatabase === 'postgres')('upgrading an embedded database made by an earlier release', () => {
  it('the previous release (f0ee623): content, subscribers and sign-in intact; a backup first if the schema changed', async () => {
    const { result, before, after } = await upgrade('prev-release.db.gz')
    for (const table of ['statements', 'topics', 'users', 'media', 'subscribers']) {
      expect(after.rows[table], table).toEqual(before.rows[table])
    }
    expect(before.rows.subscribers).toEqual([
      '["active-reader@example.org","active"]',
      '["pending-reader@example.org","pending"]',
    ])
    // Nothing to push means nothing to back up; any change to the schema must come with a backup.
    expect(result.backup !== null).toBe(result.changes > 0)
    expect(after.schema !== before.schema).toBe(result.changes > 0)
    const login = await result.payload.login({
      collection: 'users',
      data: { email: 'admin@pressroom.localhost', password: fixturePassword },
    })
    expect(login.token).toBeTruthy()
  })

  it('the first release with topics (a33bc20): the "topics_slug_idx already exists" push is repaired, after a backup of the old state', async () => {
    const { result, before, after, backupSawOldSchema } = await upgrade('first-topics.db.gz')
    // drizzle-kit plans the rebuilt topics table's indexes twice: the failure seen on upgraded databases.
    expect(result.skipped.some((s) => s.includes('CREATE UNIQUE INDEX `topics_slug_idx`'))).toBe(true)
    expect(result.changes).toBeGreaterThan(0)
    expect(after.schema).not.toBe(before.schema)
    expect(after.rows.statements).toEqual(before.rows.statements)
    // The current seed adds what this release did not have yet (the press kit's image); nothing old goes.
    for (const table of ['topics', 'users', 'media']) {
      expect(after.rows[table], table).toEqual(expect.arrayContaining(before.rows[table]!))
    }

    expect(backupSawOldSchema).toBe(true)
    expect(result.backup && existsSync(result.backup)).toBe(true)
    const manifest = await verifyArchive(result.backup!)
    expect(manifest.reason).toBe('before-schema-push')
    expect(manifest.database.schemaSha256).toBe(before.schema)

    const founding = await result.payload.find({
      collection: 'statements',
      where: { slug: { equals: foundingStatementSlug } },
    })
    expect(founding.totalDocs).toBe(1)
    const login = await result.payload.login({
      collection: 'users',
      data: { email: 'admin@pressroom.localhost', password: fixturePassword },
    })
    expect(login.token).toBeTruthy()
  })

  it('a push that fails half-way leaves the old database exactly as it was', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pressroom-upgrade-'))
    dirs.push(dir)
    const file = path.join(dir, 'pressroom.db')
    writeFileSync(file, gunzipSync(readFileSync(path.join(fixtures, 'first-topics.db.gz'))))
    const before = await snapshot(file)
    const client = createClient({ url: `file:${file}` })
    try {
      const failing = applyInOneTransaction(client as never, [
        'ALTER TABLE `topics` ADD `half_way` text;',
        'DROP TABLE `topics_locales`;',
        'CREATE UNIQUE INDEX `topics_slug_idx` ON `topics` (`slug`);',
      ])
      await expect(failing).rejects.toThrow(/topics_slug_idx already exists/)
    } finally {
      client.close()
    }
    expect(await snapshot(file)).toEqual(before)
  })
})
