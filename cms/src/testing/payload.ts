import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { getPayload, type Payload } from 'payload'
import pg from 'pg'
import type { User } from '../payload-types.ts'
import { copySqliteTemplate, withoutSchemaPush } from './sqliteTemplate.ts'

export type TestDatabase = 'sqlite' | 'postgres'

/** `TEST_DATABASE=postgres` with `TEST_POSTGRES_URL` runs the suite on PostgreSQL. */
export const testDatabase: TestDatabase = process.env.TEST_DATABASE === 'postgres' ? 'postgres' : 'sqlite'

export type StartedPayload = {
  payload: Payload
  uploadDir: string
  stop: () => Promise<void>
}

export type StartOptions = {
  /** Environment read by the config when it loads (limits, job cron). */
  env?: Record<string, string>
  /** Start the job runner's cron, as the started CMS does. */
  cron?: boolean
}

/**
 * A real Payload on a database of its own: a temporary SQLite file (a copy of the run's template,
 * or schema pushed), or a fresh PostgreSQL database built by the committed migrations.
 */
export async function startPayload(options: StartOptions = {}): Promise<StartedPayload> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pressroom-test-'))
  const uploadDir = path.join(dir, 'uploads')
  Object.assign(process.env, {
    PAYLOAD_SECRET: 'test-secret-that-is-long-enough-0123456789',
    JOBS_AUTORUN_CRON: 'off',
    // CMS-only tests: no site builds (the site build tests turn them on).
    SITE_BUILD: 'off',
    // Throw-away databases: commits survive a killed process, not a power cut (docs/adr/0029),
    // as the test PostgreSQL runs with fsync=off.
    SQLITE_SYNCHRONOUS: 'NORMAL',
    UPLOAD_DIR: uploadDir,
    ...options.env,
  })

  let dropDatabase = async () => {}
  let fromTemplate = false
  if (testDatabase === 'postgres') {
    const { url, drop } = await createPostgresDatabase()
    process.env.DATABASE_URL = url
    dropDatabase = drop
  } else {
    const file = path.join(dir, 'test.db')
    process.env.DATABASE_URL = `file:${file}`
    fromTemplate = copySqliteTemplate(file)
  }

  const { default: config } = await import('../payload.config.ts')
  const start = () => getPayload({ config, cron: options.cron ?? false })
  const payload = await (fromTemplate ? withoutSchemaPush(start) : start())
  if (testDatabase === 'postgres') await payload.db.migrate()

  return {
    payload,
    uploadDir,
    stop: async () => {
      await payload.destroy()
      await closePool(payload)
      await dropDatabase().catch(() => {})
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

type PgPool = { end: () => Promise<void>; _clients?: { on: (event: 'error', listener: () => void) => unknown }[] }

/**
 * Payload's destroy() leaves its PostgreSQL pool open, often with a client checked out, and
 * end() waits for that client forever (it cost every PostgreSQL test file 2 s of waiting, and
 * the plain DROP DATABASE that followed 5 s more before it gave up). The pool's idle clients
 * close now; the checked-out one is ended by the forced drop, its error heard and ignored.
 */
async function closePool(payload: Payload): Promise<void> {
  const pool = (payload.db as { pool?: PgPool }).pool
  if (!pool) return
  for (const client of pool._clients ?? []) client.on('error', () => {})
  void pool.end().catch(() => {})
}

async function createPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = process.env.TEST_POSTGRES_URL
  if (!base) {
    throw new Error(
      'TEST_DATABASE=postgres needs TEST_POSTGRES_URL (e.g. postgres://postgres@127.0.0.1:54329/postgres). `./pressroom test` starts a server and sets it.',
    )
  }
  const name = `pressroom_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: base })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(base)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: base })
      await client.connect()
      // FORCE ends the sessions still open on it (PostgreSQL 13+) instead of waiting 5 s and failing.
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await client.end()
    },
  }
}

export type StaffUser = User & { collection: 'users' }

export const staffPassword = 'correct horse battery staple'

let userCounter = 0

/** A staff account with the given role, shaped as Payload passes `user` to access control. */
export async function createStaff(payload: Payload, role: User['role']): Promise<StaffUser> {
  userCounter += 1
  const user = await payload.create({
    collection: 'users',
    data: { email: `${role}-${userCounter}@test.localhost`, password: staffPassword, role },
  })
  return { ...user, collection: 'users' }
}
