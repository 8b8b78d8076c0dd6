import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { jsonValue, num, queryRows, sql } from '../db/sql.ts'
import { forgetPulses, notePulse, pulses } from '../health/index.ts'
import { startJobSweeper, sweepStaleJobs } from '../jobs/index.ts'
import { planSend } from '../mail/index.ts'
import { retentionTaskSlug, runRetention } from '../retention/index.ts'
import { pruneMailPayloads, pruneOutbox, pruneWebhookEvents } from '../retention/pruneMailRecords.ts'
import { pruneSiteBuilds } from '../retention/pruneSiteBuilds.ts'
import { newReleaseId } from '../siteBuild/builder.ts'
import { createStaff, type StartedPayload, staffPassword, startPayload, testDatabase } from '../testing/payload.ts'
import { restHandlers } from '../testing/serveRest.ts'
import { httpClient } from './helpers/http.ts'

/**
 * Retention and health (docs/adr/0031): the pruning never takes what is still needed, erasing is
 * covered in subscriptions.test.ts; /api/health says 200 only when every part works, shows
 * outsiders the verdict alone, and says which part failed when one does. The last test takes the
 * database away.
 */
const day = 24 * 60 * 60 * 1000
const ago = (ms: number) => new Date(Date.now() - ms)
const healthToken = 'a-health-token-for-monitoring-0123456789'

let started: StartedPayload
let payload: Payload
let dir: string
let http: ReturnType<typeof httpClient>

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'pressroom-operations-'))
  started = await startPayload({
    env: {
      MAIL_OUTBOX_DIR: path.join(dir, 'outbox'),
      SITE_DIR: path.join(dir, 'site'),
      SITE_RELEASES_DIR: path.join(dir, 'site', 'releases'),
      SITE_LIVE_DIR: path.join(dir, 'site', 'live'),
      SITE_CACHE_DIR: path.join(dir, 'site', 'cache'),
      HEALTH_TOKEN: healthToken,
    },
  })
  payload = started.payload
  http = httpClient(payload)
})

let restoreDatabase = async () => {}

afterAll(async () => {
  await restoreDatabase()
  await started?.stop().catch(() => {})
  rmSync(dir, { recursive: true, force: true })
})

let sends = 0
/** A send of one delivery per status given, each with a stored payload, last changed `age` ago. */
async function deliveriesIn(statuses: string[], age: number) {
  sends += 1
  const { sendId } = await planSend(payload, {
    key: `retention-test:${sends}`,
    label: 'Retention test',
    purpose: 'test',
    message: { from: 'press@example.org', subject: 's', html: '<p>h</p>', text: 't' },
    recipients: statuses.map((status, i) => ({ key: `${status}-${i}`, email: `r${sends}-${i}@example.org` })),
  })
  const rows = await queryRows<{ id: unknown }>(
    payload,
    sql`SELECT "id" FROM "deliveries" WHERE "send_id" = ${sendId} ORDER BY "id"`,
  )
  for (const [i, row] of rows.entries()) {
    await queryRows(
      payload,
      sql`UPDATE "deliveries" SET "status" = ${statuses[i]}, "payload" = '{"to":"x"}', "updated_at" = ${ago(age).toISOString()}
          WHERE "id" = ${num(row.id)} RETURNING "id"`,
    )
  }
  return rows.map((r) => num(r.id))
}

const payloadsKept = async (ids: number[]) =>
  (
    await queryRows<{ id: unknown; payload: unknown }>(
      payload,
      sql`SELECT "id", "payload" FROM "deliveries" WHERE "id" IN (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )}) ORDER BY "id"`,
    )
  ).map((r) => r.payload !== null)

describe('retention', () => {
  it('drops the stored message of old finished deliveries only, never one still to be sent', async () => {
    const old = await deliveriesIn(
      ['sent', 'delivered', 'bounced', 'failed', 'cancelled', 'planned', 'batched', 'queued'],
      40 * day,
    )
    const recent = await deliveriesIn(['delivered', 'queued'], 2 * day)
    expect(await pruneMailPayloads(payload, ago(30 * day))).toBe(5)
    expect(await payloadsKept(old)).toEqual([false, false, false, false, false, true, true, true])
    expect(await payloadsKept(recent)).toEqual([true, true])
  })

  it('deletes webhook events and outbox files older than their limit', async () => {
    const insert = (eventId: string, at: Date) =>
      queryRows(
        payload,
        sql`INSERT INTO "mail_events" ("event_id", "type", "body", "updated_at", "created_at")
            VALUES (${eventId}, 'email.delivered', ${jsonValue(payload, { to: ['a@example.org'] })}, ${at.toISOString()}, ${at.toISOString()})
            RETURNING "id"`,
      )
    await insert('old-1', ago(100 * day))
    await insert('old-2', ago(91 * day))
    await insert('new-1', ago(10 * day))
    expect(await pruneWebhookEvents(payload, ago(90 * day))).toBe(2)
    const left = await queryRows<{ event_id: string }>(payload, sql`SELECT "event_id" FROM "mail_events"`)
    expect(left.map((e) => e.event_id)).toEqual(['new-1'])

    const outbox = path.join(dir, 'outbox')
    mkdirSync(outbox, { recursive: true })
    for (const [name, age] of [
      ['outbox-aa-0.eml', 40],
      ['outbox-aa-1.eml.partial', 40],
      ['outbox-bb-0.eml', 1],
      ['notes.txt', 40],
    ] as const) {
      const file = path.join(outbox, name)
      writeFileSync(file, 'To: someone@example.org\n')
      utimesSync(file, ago(age * day), ago(age * day))
    }
    expect(await pruneOutbox(outbox, ago(30 * day))).toBe(2)
    expect(readdirSync(outbox).sort()).toEqual(['notes.txt', 'outbox-bb-0.eml'])
  })

  it('deletes old finished site-build records, keeping the newest, the last good and last failed, and unfinished ones', async () => {
    const record = (status: string, daysAgo: number) =>
      payload.create({
        collection: 'site-builds',
        data: {
          summary: `${status} ${daysAgo}`,
          status: status as 'succeeded',
          timing: 'debounced',
          requestedAt: ago(daysAgo * day).toISOString(),
          finishedAt: status === 'queued' || status === 'running' ? null : ago(daysAgo * day - 60_000).toISOString(),
          logTail: 'x'.repeat(1000),
        },
      })
    const lastFailed = await record('failed', 70)
    const queuedLongAgo = await record('queued', 65)
    for (const daysAgo of [60, 50, 45, 40]) await record('succeeded', daysAgo)
    const recent = [await record('succeeded', 3), await record('succeeded', 2), await record('succeeded', 1)]

    expect(await pruneSiteBuilds(payload, ago(30 * day), 2)).toBe(4)
    const left = await payload.find({ collection: 'site-builds', sort: 'requestedAt', limit: 100, depth: 0 })
    expect(left.docs.map((d) => d.summary)).toEqual([
      lastFailed.summary,
      queuedLongAgo.summary,
      ...recent.map((d) => d.summary),
    ])
    await payload.delete({ collection: 'site-builds', where: { id: { exists: true } } })
  })

  it('prunes releases and the site cache, never the live release, a build in progress, or what the live site uses', async () => {
    const site = path.join(dir, 'site')
    const releases = path.join(site, 'releases')
    mkdirSync(releases, { recursive: true })
    const names = [5, 4, 3, 2, 1].map((daysAgo) => newReleaseId(ago(daysAgo * day)))
    for (const name of names) mkdirSync(path.join(releases, name, 'en'), { recursive: true })
    // The live release is the oldest one (a newer build was rolled back); the newest is being built.
    const live = names[0]!
    symlinkSync(path.join('releases', live), path.join(site, 'live'))
    writeFileSync(path.join(releases, `${names[4]}.building.json`), '{}')

    const cache = path.join(site, 'cache')
    const editions = path.join(cache, 'editions')
    const edition = (hash: string, bytes: number, daysAgo: number) => {
      const key = hash.repeat(64)
      mkdirSync(path.join(editions, key.slice(0, 2)), { recursive: true })
      const file = path.join(editions, key.slice(0, 2), `${key}.pdf`)
      writeFileSync(file, Buffer.alloc(bytes, hash))
      utimesSync(file, ago(daysAgo * day), ago(daysAgo * day))
      const sha = hash.repeat(64).replace(/./, 'f')
      writeFileSync(path.join(editions, 'index.ndjson'), `${JSON.stringify({ key, bytes, sha256: sha })}\n`, {
        flag: 'a',
      })
      return { file, sha }
    }
    const usedOld = edition('a', 1000, 200)
    const unusedOld = edition('b', 1000, 200)
    const unusedNew = edition('c', 3 * 1024 * 1024, 1)
    const unusedNewer = edition('d', 1000, 0.5)
    writeFileSync(path.join(releases, live, 'en', 'checksums.txt'), `${usedOld.sha}  GC-ST-2021-001-en.pdf\n`)
    for (const version of ['7-1000', '7-2000', '8-500']) {
      mkdirSync(path.join(cache, 'media', version), { recursive: true })
      writeFileSync(path.join(cache, 'media', version, 'photo.jpg'), 'jpg')
    }

    process.env.RETENTION_EDITION_CACHE_MB = '2'
    process.env.SITE_RELEASES_KEEP = '2'
    try {
      // A build is running: the site's files are left alone.
      const running = await payload.create({
        collection: 'site-builds',
        data: { summary: 'running', status: 'running', timing: 'debounced', requestedAt: new Date().toISOString() },
      })
      expect((await runRetention(payload)).releases).toBeNull()
      expect(readdirSync(releases)).toHaveLength(names.length + 1)
      await payload.delete({ collection: 'site-builds', id: running.id })

      const report = await runRetention(payload)
      // Kept: the live release, the newest two, the one being built (its marker stays too).
      expect(report.releases?.sort()).toEqual([names[1], names[2]].sort())
      expect(readdirSync(releases).sort()).toEqual([live, names[3], names[4], `${names[4]}.building.json`].sort())
      // The old file the live site lists stays; the old unused one goes; over 2 MB the oldest unused new one goes.
      expect(report.siteCache).toMatchObject({ editionsRemoved: 2, downloadsRemoved: 1 })
      const exists = (file: string) => readdirSync(path.dirname(file)).includes(path.basename(file))
      expect([usedOld, unusedOld, unusedNew, unusedNewer].map((e) => exists(e.file))).toEqual([
        true,
        false,
        false,
        true,
      ])
      const index = readFileSync(path.join(editions, 'index.ndjson'), 'utf8').trim().split('\n')
      expect(index.map((line) => JSON.parse(line).sha256)).toEqual([usedOld.sha, unusedNewer.sha])
      expect(readdirSync(path.join(cache, 'media')).sort()).toEqual(['7-2000', '8-500'])
    } finally {
      delete process.env.RETENTION_EDITION_CACHE_MB
      delete process.env.SITE_RELEASES_KEEP
    }
  })
})

/** The e-mail job as the runner runs it: its steps note the health pulses. */
async function runMailJob() {
  await payload.jobs.queue({ task: 'deliverMail', queue: 'email', input: {} })
  await payload.jobs.run({ queue: 'email', limit: 5, silent: true })
}

describe('GET /api/health', () => {
  let stopSweeper: () => void
  let editorToken: string
  let translatorToken: string

  beforeAll(async () => {
    // As the started CMS: a runner on (its cadence is what the check reads), the sweeper ticking.
    process.env.JOBS_AUTORUN_CRON = '*/10 * * * * *'
    process.env.SITE_BUILD = 'on'
    forgetPulses()
    stopSweeper = startJobSweeper(payload, [{ name: 'Health pulse', run: async () => notePulse('sweeper') }])
    await runMailJob()
    editorToken = await http.login((await createStaff(payload, 'editor')).email, staffPassword)
    translatorToken = await http.login((await createStaff(payload, 'translator')).email, staffPassword)
  })

  afterAll(() => {
    stopSweeper?.()
    process.env.JOBS_AUTORUN_CRON = 'off'
    process.env.SITE_BUILD = 'off'
  })

  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` })
  async function health(headers: Record<string, string> = {}) {
    const request = new Request('http://localhost/api/health', { headers })
    const response = await restHandlers(payload).GET!(request, { params: Promise.resolve({ slug: ['health'] }) })
    const text = await response.text()
    return { status: response.status, json: JSON.parse(text), text }
  }

  it('answers 200 when everything works; outsiders see the verdicts only, staff and the token the details', async () => {
    const anonymous = await health()
    expect(anonymous.status, anonymous.text).toBe(200)
    expect(anonymous.json).toEqual({
      status: 'ok',
      checks: { database: 'ok', jobRunner: 'ok', mail: 'ok', stuckJobs: 'ok', siteBuild: 'ok' },
    })
    expect((await health(bearer('a-wrong-token'))).json.details).toBeUndefined()

    const monitor = await health(bearer(healthToken))
    expect(monitor.status).toBe(200)
    expect(monitor.json.details.database.latencyMs).toBeGreaterThanOrEqual(0)
    expect(monitor.json.details.mail.lastRunFinishedAt).not.toBeNull()
    expect(monitor.json.details.mail.pendingDeliveries).toEqual(expect.any(Number))
    expect(monitor.json.details.jobRunner.sweeperLastRunAt).not.toBeNull()

    const editor = await health({ Authorization: `JWT ${editorToken}` })
    expect(editor.json.details.mail.pendingDeliveries).toEqual(expect.any(Number))
    const translator = await health({ Authorization: `JWT ${translatorToken}` })
    expect(translator.json.details.queues).toBeDefined()
    expect(translator.json.details.mail.pendingDeliveries).toBeNull()
  })

  it('says which job is stuck, and is healthy again once the sweeper took it over', async () => {
    stopSweeper()
    const job = await payload.jobs.queue({ task: 'deliverMail', queue: 'email', input: {} })
    // As a process killed in the middle of the job leaves it: processing, its heartbeat long stopped.
    await queryRows(
      payload,
      sql`UPDATE "payload_jobs" SET "processing" = ${true}, "updated_at" = ${ago(10 * 60_000).toISOString()}
          WHERE "id" = ${num(job.id)} RETURNING "id"`,
    )
    const stuck = await health(bearer(healthToken))
    expect(stuck.status).toBe(503)
    expect(stuck.json.checks.stuckJobs).toEqual({ ok: false, problem: 'leasesExpired' })
    expect(stuck.json.details.stuckJobs.expiredLeases).toEqual([
      expect.objectContaining({ id: num(job.id), task: 'deliverMail', queue: 'email' }),
    ])
    expect(stuck.json.details.queues.email.running).toBe(1)
    expect((await health()).json).toMatchObject({ status: 'fail', checks: { stuckJobs: 'fail', database: 'ok' } })

    await sweepStaleJobs(payload)
    stopSweeper = startJobSweeper(payload, [{ name: 'Health pulse', run: async () => notePulse('sweeper') }])
    await payload.jobs.run({ queue: 'email', limit: 5, silent: true })
    const after = await health()
    expect(after.status, after.text).toBe(200)
  })

  it('says when due jobs wait with nothing running them, and runs the retention job like any job', async () => {
    const job = await payload.jobs.queue({ task: retentionTaskSlug, input: {}, waitUntil: ago(10 * 60_000) })
    const overdue = await health(bearer(healthToken))
    expect(overdue.status).toBe(503)
    expect(overdue.json.checks.stuckJobs).toEqual({ ok: false, problem: 'jobsOverdue' })
    expect(overdue.json.details.stuckJobs.overdue.map((j: { id: number }) => j.id)).toEqual([num(job.id)])

    await payload.jobs.run({ queue: 'default', limit: 5, silent: true })
    const [done] = await queryRows(payload, sql`SELECT "id" FROM "payload_jobs" WHERE "id" = ${num(job.id)}`)
    expect(done).toBeUndefined() // completed, and Payload removes completed jobs
    expect((await health()).status).toBe(200)
  })

  it('fails when the sweeper or the e-mail job went silent, or the last site build failed', async () => {
    notePulse('mailStarted', Date.now() - 10 * 60_000)
    notePulse('mailFinished', Date.now() - 10 * 60_000 + 1000)
    const silent = await health(bearer(healthToken))
    expect(silent.status).toBe(503)
    expect(silent.json.checks.mail).toEqual({ ok: false, problem: 'mailSilent' })
    await runMailJob()
    expect((await health()).status).toBe(200)

    // A run that throws (here: the outbox is a file, not a folder) is a failing e-mail job, not a running one.
    await deliveriesIn(['planned'], 0)
    const outbox = process.env.MAIL_OUTBOX_DIR!
    process.env.MAIL_OUTBOX_DIR = path.join(dir, 'not-a-folder')
    writeFileSync(process.env.MAIL_OUTBOX_DIR, '')
    try {
      await runMailJob()
    } finally {
      process.env.MAIL_OUTBOX_DIR = outbox
    }
    const failing = await health(bearer(healthToken))
    expect(failing.json.checks.mail).toEqual({ ok: false, problem: 'mailFailing' })
    expect(failing.json.details.mail.lastRunFailedAt).not.toBeNull()
    await runMailJob()
    expect((await health()).status).toBe(200)

    stopSweeper()
    forgetPulses()
    await runMailJob()
    expect((await health(bearer(healthToken))).json.checks.jobRunner).toEqual({ ok: false, problem: 'sweeperSilent' })
    stopSweeper = startJobSweeper(payload, [{ name: 'Health pulse', run: async () => notePulse('sweeper') }])
    for (let i = 0; i < 100 && !pulses().sweeper; i++) await new Promise((resolve) => setTimeout(resolve, 20))
    expect((await health()).status).toBe(200)

    const failed = await payload.create({
      collection: 'site-builds',
      data: {
        summary: 'failed',
        status: 'failed',
        timing: 'debounced',
        requestedAt: new Date().toISOString(),
        finishedAt: new Date().toISOString(),
        error: 'The site build failed (exit code 1).',
      },
    })
    const broken = await health(bearer(healthToken))
    expect(broken.status).toBe(503)
    expect(broken.json.checks.siteBuild).toEqual({ ok: false, problem: 'lastBuildFailed' })
    expect(broken.json.details.siteBuild.last).toMatchObject({ id: failed.id, status: 'failed' })
    // Outsiders learn that the build check fails, not the error.
    const anonymous = await health()
    expect(anonymous.text).not.toContain('exit code')
    expect(anonymous.json.checks.siteBuild).toBe('fail')
  })

  it('fails the e-mail check while a batch waits for staff past the provider window (docs/adr/0028)', async () => {
    const [delivery] = await deliveriesIn(['queued'], 0)
    const [row] = await queryRows(payload, sql`SELECT "send_id" FROM "deliveries" WHERE "id" = ${delivery}`)
    const batch = await payload.create({
      collection: 'mail-batches',
      data: { send: num(row?.send_id), status: 'held', messages: 1, error: 'no answer' },
      overrideAccess: true,
    })
    const held = await health(bearer(healthToken))
    expect(held.status).toBe(503)
    expect(held.json.checks.mail).toEqual({ ok: false, problem: 'batchesHeld' })
    expect(held.json.details.mail.heldBatches).toBe(1)
    expect((await health()).json.checks).toMatchObject({ mail: 'fail', database: 'ok' })

    await payload.update({ collection: 'mail-batches', id: batch.id, data: { status: 'sent' }, overrideAccess: true })
    await queryRows(payload, sql`UPDATE "deliveries" SET "status" = 'sent' WHERE "id" = ${delivery} RETURNING "id"`)
    const decided = await health(bearer(healthToken))
    // (The site-build check still fails from the test before.)
    expect(decided.json.checks.mail).toEqual({ ok: true, problem: null })
    expect(decided.json.details.mail.heldBatches).toBe(0)
  })

  it('answers 503 when the database is gone', async () => {
    await takeDatabaseAway()
    const down = await health(bearer(healthToken))
    expect(down.status).toBe(503)
    expect(down.json.checks.database).toEqual({ ok: false, problem: 'databaseUnreachable' })
    expect(down.json.checks.stuckJobs).toEqual({ ok: false, problem: 'notChecked' })
    expect(down.json.details.database.error).toEqual(expect.any(String))
  })
})

/**
 * The database stops answering for real: the SQLite connection is closed; a PostgreSQL database
 * refuses new connections and its open ones are ended (given back afterwards, so it can be dropped).
 */
async function takeDatabaseAway() {
  if (testDatabase === 'sqlite') {
    ;(payload.db as unknown as { client: { close: () => void } }).client.close()
    return
  }
  const url = new URL(process.env.DATABASE_URL!)
  const name = url.pathname.slice(1)
  url.pathname = '/postgres'
  // pg's pool reports a connection ended under it as an 'error' event, fatal without a listener:
  // the CMS's own listener (src/db/survivePoolErrors.ts) must keep this process alive.
  const admin = new pg.Client({ connectionString: url.toString() })
  await admin.connect()
  try {
    await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`)
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name])
  } finally {
    await admin.end()
  }
  restoreDatabase = async () => {
    const back = new pg.Client({ connectionString: url.toString() })
    await back.connect()
    await back.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`)
    await back.end()
  }
}
