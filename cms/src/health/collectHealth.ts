import type { Payload, Where } from 'payload'
import { num, queryRows, sql } from '../db/sql.ts'
import { jobLeaseSettings } from '../jobs/settings.ts'
import { lastFinishedBuild } from '../siteBuild/lastFinishedBuild.ts'
import { pulses } from './pulse.ts'
import { type HealthSettings, healthSettings } from './settings.ts'

export const checkNames = ['database', 'jobRunner', 'mail', 'stuckJobs', 'siteBuild'] as const
export type CheckName = (typeof checkNames)[number]

/** Why a check failed; the admin view words each one in both languages (src/i18n/admin/). */
export type Problem =
  | 'databaseUnreachable'
  | 'notChecked'
  | 'sweeperSilent'
  | 'mailSilent'
  | 'mailFailing'
  | 'mailRunTooLong'
  | 'batchesHeld'
  | 'leasesExpired'
  | 'jobsOverdue'
  | 'lastBuildFailed'

export type CheckResult = { ok: boolean; problem: Problem | null }
export type JobFact = { id: number; task: string | null; queue: string | null; since: string }
export type QueueDepth = { waiting: number; running: number; failed: number }

/** Everything the check found; only staff and holders of HEALTH_TOKEN see more than `status` and `checks`. */
export type HealthReport = {
  status: 'ok' | 'fail'
  checkedAt: string
  checks: Record<CheckName, CheckResult>
  details: {
    database: { latencyMs: number | null; error: string | null }
    jobRunner: { on: boolean; sweeperLastRunAt: string | null }
    mail: {
      on: boolean
      lastRunStartedAt: string | null
      lastRunFinishedAt: string | null
      lastRunFailedAt: string | null
      running: boolean
      pendingDeliveries: number | null
      /** Batches past the provider's idempotency window, waiting for staff to decide (docs/adr/0028). */
      heldBatches: number | null
    }
    stuckJobs: { expiredLeases: JobFact[]; overdue: JobFact[] }
    queues: Record<string, QueueDepth>
    siteBuild: {
      on: boolean
      last: { id: number; status: string; finishedAt: string | null; error: string | null } | null
      lastSucceededAt: string | null
      waiting: number
    }
  }
}

const timeoutMs = 5000
const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString())
const text = (value: unknown) => (value instanceof Date ? value.toISOString() : value == null ? null : String(value))
const pass: CheckResult = { ok: true, problem: null }
const fail = (problem: Problem): CheckResult => ({ ok: false, problem })

/** A database call that gives up after a few seconds: a hung database must not hang the health check. */
function bounded<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs)
  })
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer))
}

async function probeDatabase(payload: Payload) {
  const started = performance.now()
  try {
    await bounded(queryRows(payload, sql`SELECT 1 AS "one"`))
    return { latencyMs: Math.round(performance.now() - started), error: null }
  } catch (error) {
    return { latencyMs: null, error: (error as Error).message.slice(0, 300) }
  }
}

/** The sweeper ticks every third of a lease; three missed ticks mean it stopped. */
function jobRunnerCheck(now: number) {
  const last = pulses().sweeper
  const ok = last !== undefined && now - last <= 3 * jobLeaseSettings().sweepMs + 1000
  return { result: ok ? pass : fail('sweeperSilent'), sweeperLastRunAt: iso(last) }
}

/**
 * The e-mail job runs every few seconds (and up to four minutes when there is a lot to send); a
 * job silent for longer than HEALTH_STALE_SECONDS means the runner stopped. Right after the
 * process started, it gets that long to run once.
 */
function mailRunCheck(settings: HealthSettings, now: number) {
  const { mailStarted, mailFinished, mailFailed } = pulses()
  const ended = Math.max(mailFinished ?? 0, mailFailed ?? 0)
  const running = mailStarted !== undefined && mailStarted > ended
  const facts = {
    lastRunStartedAt: iso(mailStarted),
    lastRunFinishedAt: iso(mailFinished),
    lastRunFailedAt: iso(mailFailed),
    running,
  }
  if (!settings.mailOn) return { result: pass, ...facts }
  // The last run that ended threw: the runner runs it, but e-mail does not go out.
  if (!running && mailFailed !== undefined && mailFailed >= (mailFinished ?? 0))
    return { result: fail('mailFailing'), ...facts }
  const longestRunMs = 4 * 60_000 + jobLeaseSettings().leaseMs
  if (running) return { result: now - mailStarted <= longestRunMs ? pass : fail('mailRunTooLong'), ...facts }
  const lastSeen = mailFinished ?? now - process.uptime() * 1000
  return { result: now - lastSeen <= settings.staleMs ? pass : fail('mailSilent'), ...facts }
}

async function jobFacts(payload: Payload, settings: HealthSettings, now: number) {
  const lease = jobLeaseSettings()
  const facts = (rows: Record<string, unknown>[], since: string) =>
    rows.map((r) => ({ id: num(r.id), task: text(r.task_slug), queue: text(r.queue), since: text(r[since]) ?? '' }))
  // A lease expired twice over: the sweeper should have taken the job over long ago.
  const expired = await bounded(
    queryRows(
      payload,
      sql`SELECT "id", "task_slug", "queue", "updated_at" FROM "payload_jobs"
          WHERE "processing" = ${true} AND "completed_at" IS NULL AND "updated_at" < ${new Date(now - 2 * lease.leaseMs).toISOString()}
          ORDER BY "id" LIMIT 20`,
    ),
  )
  // Due long ago, and nothing of its queue runs: the runner is not picking jobs up.
  const dueBefore = new Date(now - settings.staleMs).toISOString()
  const overdue = settings.runnerOn
    ? await bounded(
        queryRows(
          payload,
          sql`SELECT "j"."id", "j"."task_slug", "j"."queue", coalesce("j"."wait_until", "j"."created_at") AS "due"
              FROM "payload_jobs" "j"
              WHERE "j"."processing" = ${false} AND "j"."completed_at" IS NULL AND coalesce("j"."has_error", ${false}) = ${false}
                AND coalesce("j"."wait_until", "j"."created_at") < ${dueBefore}
                AND NOT EXISTS (SELECT 1 FROM "payload_jobs" "r" WHERE "r"."processing" = ${true}
                                AND "r"."completed_at" IS NULL AND coalesce("r"."queue", 'default') = coalesce("j"."queue", 'default'))
              ORDER BY "j"."id" LIMIT 20`,
        ),
      )
    : []
  const depths = await bounded(
    queryRows(
      payload,
      sql`SELECT coalesce("queue", 'default') AS "queue",
            sum(CASE WHEN "processing" = ${false} AND coalesce("has_error", ${false}) = ${false} THEN 1 ELSE 0 END) AS "waiting",
            sum(CASE WHEN "processing" = ${true} THEN 1 ELSE 0 END) AS "running",
            sum(CASE WHEN "has_error" = ${true} THEN 1 ELSE 0 END) AS "failed"
          FROM "payload_jobs" WHERE "completed_at" IS NULL GROUP BY coalesce("queue", 'default')`,
    ),
  )
  const queues: Record<string, QueueDepth> = {}
  for (const row of depths) {
    queues[String(row.queue)] = { waiting: num(row.waiting), running: num(row.running), failed: num(row.failed) }
  }
  return { expiredLeases: facts(expired, 'updated_at'), overdue: facts(overdue, 'due'), queues }
}

async function pendingDeliveries(payload: Payload): Promise<number> {
  const [row] = await bounded(
    queryRows(
      payload,
      sql`SELECT count(*) AS "n" FROM "deliveries" WHERE "status" IN ('planned', 'batched', 'queued')`,
    ),
  )
  return num(row?.n)
}

async function heldBatchCount(payload: Payload): Promise<number> {
  const [row] = await bounded(
    queryRows(payload, sql`SELECT count(*) AS "n" FROM "mail_batches" WHERE "status" = 'held'`),
  )
  return num(row?.n)
}

async function siteBuildFacts(payload: Payload) {
  const latest = (where: Where) => bounded(lastFinishedBuild(payload, where))
  const last = await latest({ status: { in: ['succeeded', 'failed'] } })
  const succeeded = last?.status === 'succeeded' ? last : await latest({ status: { equals: 'succeeded' } })
  const waiting = await bounded(
    payload.count({ collection: 'site-builds', where: { status: { equals: 'queued' } }, overrideAccess: true }),
  )
  return {
    last: last
      ? { id: Number(last.id), status: last.status, finishedAt: last.finishedAt ?? null, error: last.error ?? null }
      : null,
    lastSucceededAt: succeeded?.finishedAt ?? null,
    waiting: waiting.totalDocs,
  }
}

/**
 * Looks at the database, the job runner and sweeper of this process, the e-mail job, stuck and
 * overdue jobs, queue depths and the last site build (docs/adr/0031). Never throws: a part that
 * cannot be checked fails.
 */
export async function collectHealth(payload: Payload, settings = healthSettings()): Promise<HealthReport> {
  const now = Date.now()
  const database = await probeDatabase(payload)
  const runner = jobRunnerCheck(now)
  const mail = mailRunCheck(settings, now)
  const dbUp = database.error === null
  const [jobs, pending, held, site] = dbUp
    ? await Promise.all([
        jobFacts(payload, settings, now).catch(() => null),
        pendingDeliveries(payload).catch(() => null),
        heldBatchCount(payload).catch(() => null),
        siteBuildFacts(payload).catch(() => null),
      ])
    : [null, null, null, null]

  const stuck = !jobs
    ? fail('notChecked')
    : jobs.expiredLeases.length > 0
      ? fail('leasesExpired')
      : jobs.overdue.length > 0
        ? fail('jobsOverdue')
        : pass
  const siteCheck = !settings.siteBuildsOn
    ? pass
    : !site
      ? fail('notChecked')
      : site.last?.status === 'failed'
        ? fail('lastBuildFailed')
        : pass
  const checks: Record<CheckName, CheckResult> = {
    database: dbUp ? pass : fail('databaseUnreachable'),
    jobRunner: runner.result,
    // E-mail that waits for a decision does not go out: worth an alert like a stopped runner.
    mail: mail.result.ok && held ? fail('batchesHeld') : mail.result,
    stuckJobs: stuck,
    siteBuild: siteCheck,
  }
  return {
    status: Object.values(checks).every((c) => c.ok) ? 'ok' : 'fail',
    checkedAt: new Date(now).toISOString(),
    checks,
    details: {
      database,
      jobRunner: { on: settings.runnerOn, sweeperLastRunAt: runner.sweeperLastRunAt },
      mail: {
        on: settings.mailOn,
        lastRunStartedAt: mail.lastRunStartedAt,
        lastRunFinishedAt: mail.lastRunFinishedAt,
        lastRunFailedAt: mail.lastRunFailedAt,
        running: mail.running,
        pendingDeliveries: pending,
        heldBatches: held,
      },
      stuckJobs: { expiredLeases: jobs?.expiredLeases ?? [], overdue: jobs?.overdue ?? [] },
      queues: jobs?.queues ?? {},
      siteBuild: { on: settings.siteBuildsOn, ...(site ?? { last: null, lastSucceededAt: null, waiting: 0 }) },
    },
  }
}
