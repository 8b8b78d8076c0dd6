import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { num, queryRows, sql } from '../db/sql.ts'
import { jobLeaseSettings, keepAlive, sweepStaleJobs, type TakeoverError } from '../jobs/index.ts'
import { planSend } from '../mail/index.ts'
import { type FakeResend, startFakeResend } from '../mail/testing/fakeResend.ts'
import { requestSubscription } from '../subscriptions/requestSubscription.ts'
import { type StartedPayload, startPayload, testDatabase } from '../testing/payload.ts'
import { spawnJobRunner } from './helpers/jobRunner.ts'

/**
 * Jobs survive the death of their process (docs/adr/0026): the sweeper takes over a job whose
 * heartbeat stopped, never one whose process is alive, and the e-mail schedule that a single
 * stale `deliverMail` row used to stop for good resumes.
 */
let started: StartedPayload
let payload: Payload
let fake: FakeResend

beforeAll(async () => {
  fake = await startFakeResend({ ratePerSecond: 5 })
  started = await startPayload({
    env: {
      JOBS_LEASE_SECONDS: '1',
      MAIL_LEASE_SECONDS: '1',
      // The e-mail task's own schedule, which the runner below and the killed child both follow.
      MAIL_CRON: '* * * * * *',
      RESEND_API_KEY: 're_test_key',
      RESEND_BASE_URL: fake.url,
      RESEND_RATE_LIMIT: '5',
    },
  })
  payload = started.payload
})

afterAll(async () => {
  await started?.stop()
  await fake?.stop()
})

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value) return value
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`)
    await sleep(100)
  }
}

const jobsOf = async (task: string) =>
  (
    await payload.find({
      collection: 'payload-jobs',
      where: { taskSlug: { equals: task } },
      sort: 'id',
      depth: 0,
      pagination: false,
    })
  ).docs

async function pending(sendId: number): Promise<number> {
  const [row] = await queryRows<{ n: unknown }>(
    payload,
    sql`SELECT CAST(count(*) AS INTEGER) AS "n" FROM "deliveries" WHERE "send_id" = ${sendId} AND "status" IN ('planned', 'batched', 'queued')`,
  )
  return num(row?.n)
}

/** What the CMS's runner does on each tick of the e-mail queue. */
async function tickEmailQueue() {
  await payload.jobs.handleSchedules({ queue: 'email' })
  await payload.jobs.run({ queue: 'email', limit: 5, silent: true })
}

async function planTo(prefix: string, count: number) {
  const recipients = Array.from({ length: count }, (_, i) => `${prefix}${i}@example.org`)
  const { sendId } = await planSend(payload, {
    key: `${prefix}${Date.now()}`,
    label: prefix,
    purpose: 'test',
    message: { from: 'press@example.org', subject: `Lease test ${prefix}`, html: '<p>{{n}}</p>', text: '{{n}}' },
    recipients: recipients.map((email, i) => ({ key: `r:${i}`, email, variables: { n: String(i) } })),
  })
  return { sendId, recipients }
}

const mailedTo = (prefix: string) => fake.accepted.filter((a) => a.to.startsWith(prefix)).map((a) => a.to)

/** As a process killed in the middle of the job leaves it: processing, its heartbeat long stopped. */
async function leaveRunning(jobId: number | string) {
  const longAgo = new Date(Date.now() - 10 * 60_000).toISOString()
  await queryRows(
    payload,
    sql`UPDATE "payload_jobs" SET "processing" = ${true}, "updated_at" = ${longAgo} WHERE "id" = ${num(jobId)} RETURNING "id"`,
  )
}

describe(`job leases (${testDatabase})`, () => {
  it('a deliverMail job left processing by a killed runner stops all e-mail until the sweeper takes it over; then each message goes out once', async () => {
    const prefix = 'killed-runner-'
    const { sendId, recipients } = await planTo(prefix, 250)
    // Slow answers, so the kill lands while the batches go out.
    fake.options.latencyMs = 300
    const runner = spawnJobRunner({ JOBS_AUTORUN_CRON: '* * * * * *' })
    await runner.ready
    await until('the first batch at the provider', async () => mailedTo(prefix).length > 0)
    runner.child.kill('SIGKILL')
    expect(await runner.exited).toBe('SIGKILL')
    fake.options.latencyMs = 0

    const [left, ...others] = (await jobsOf('deliverMail')).filter((job) => !job.completedAt)
    expect(others).toEqual([])
    expect(left?.processing).toBe(true)

    // The bug as Payload leaves it: the schedule adds no deliverMail job and nothing more is sent,
    // not even a new subscriber's confirmation.
    await requestSubscription(payload, {
      email: 'newcomer@example.org',
      locale: 'en',
      languages: ['en'],
      kinds: [],
      topics: [],
    })
    for (let tick = 0; tick < 3; tick++) {
      const scheduled = await payload.jobs.handleSchedules({ queue: 'email' })
      expect(scheduled.queued).toEqual([])
      await payload.jobs.run({ queue: 'email', limit: 5, silent: true })
      await sleep(400)
    }
    expect(await pending(sendId)).toBeGreaterThan(0)
    expect(mailedTo('newcomer@')).toEqual([])

    // Within its lease the job is not touched; once the lease has run out, it is taken over.
    expect(await sweepStaleJobs(payload, { ...jobLeaseSettings(), leaseMs: 60_000 })).toEqual({
      requeued: [],
      abandoned: [],
    })
    await sleep(jobLeaseSettings().leaseMs)
    expect(await sweepStaleJobs(payload)).toEqual({ requeued: [left!.id], abandoned: [] })
    const requeued = await payload.findByID({ collection: 'payload-jobs', id: left!.id, depth: 0 })
    expect(requeued).toMatchObject({ processing: false, hasError: false, totalTried: 1 })
    const entry = requeued.log?.at(-1)
    expect(entry).toMatchObject({ taskSlug: 'deliverMail', state: 'failed' })
    expect((entry?.error as TakeoverError | undefined)?.takenOver).toBe(true)

    // The runner takes it up again; every planned message goes out exactly once, the newcomer's too.
    await until('every planned message sent', async () => {
      await tickEmailQueue()
      return (await pending(sendId)) === 0 && mailedTo('newcomer@').length > 0
    })
    const mailed = mailedTo(prefix)
    expect(new Set(mailed).size, 'duplicates').toBe(mailed.length)
    expect([...mailed].sort()).toEqual([...recipients].sort())
    expect(mailedTo('newcomer@')).toEqual(['newcomer@example.org'])
  })

  it('never takes over a job whose process is alive, however long the job runs', async () => {
    const prefix = 'slow-provider-'
    const { sendId, recipients } = await planTo(prefix, 150)
    // Each request to the provider takes longer than a whole lease.
    fake.options.latencyMs = 1500
    const job = await payload.jobs.queue({ task: 'deliverMail', queue: 'email', input: {} })
    let running = true
    const run = payload.jobs.run({ queue: 'email', limit: 5, silent: true }).finally(() => {
      running = false
    })
    const takenOver: number[] = []
    while (running) {
      const swept = await sweepStaleJobs(payload)
      takenOver.push(...swept.requeued, ...swept.abandoned)
      await sleep(100)
    }
    // The run ends normally: its job is gone, which is no error of the runner's.
    await expect(run).resolves.toBeDefined()
    fake.options.latencyMs = 0
    expect(takenOver).toEqual([])
    expect(await pending(sendId)).toBe(0)
    const mailed = mailedTo(prefix)
    expect([...mailed].sort()).toEqual([...recipients].sort())
    // Completed once and removed by Payload, as any finished job.
    expect((await jobsOf('deliverMail')).find((j) => j.id === job.id)).toBeUndefined()
  })

  it('a run whose job was finished and removed by the run that took it over ends without leaving a transaction open', async () => {
    const prefix = 'overtaken-run-'
    const { sendId, recipients } = await planTo(prefix, 250)
    fake.options.latencyMs = 400
    const job = await payload.jobs.queue({ task: 'deliverMail', queue: 'email', input: {} })
    const openBefore = Object.keys(payload.db.sessions ?? {}).length
    const run = payload.jobs.run({ queue: 'email', limit: 5, silent: true })
    await until('the first batch at the provider', async () => mailedTo(prefix).length > 0)
    // What a process that took the job over after a stall leaves behind once its own run has
    // finished: Payload removes a completed job, so this run's last log line has no row to join.
    await queryRows(payload, sql`DELETE FROM "payload_jobs" WHERE "id" = ${num(job.id)} RETURNING "id"`)
    // The run ends normally: its job is gone, which is no error of the runner's.
    await expect(run).resolves.toBeDefined()
    fake.options.latencyMs = 0

    // Payload's job update begins a transaction of its own and, when its write fails, never ends
    // it: on SQLite every later write of this process waited for it for good (a crash-test run
    // whose restarted server never answered), on PostgreSQL its connection stayed in the pool's hands.
    expect(Object.keys(payload.db.sessions ?? {}).length).toBe(openBefore)
    const next = await payload.jobs.queue({ task: 'deliverMail', queue: 'email', input: {} })
    expect(next.id).toBeDefined()

    // Nothing was lost: the deliveries carry on with the next run, each message once.
    await until('every planned message sent', async () => {
      await tickEmailQueue()
      return (await pending(sendId)) === 0
    })
    const mailed = mailedTo(prefix)
    expect(new Set(mailed).size, 'duplicates').toBe(mailed.length)
    expect([...mailed].sort()).toEqual([...recipients].sort())
  })

  it('the heartbeat keeps the lease fresh while the job is ours, and notices when it was taken over', async () => {
    const job = await payload.jobs.queue({
      task: 'planPublicationSend',
      queue: 'lease-test',
      input: { collection: 'statements', id: 2 },
    })
    await leaveRunning(job.id)
    const heartbeat = keepAlive(
      payload,
      { table: 'payload_jobs', id: job.id, stillOurs: sql`"processing" = ${true}` },
      50,
    )
    try {
      await until('a fresh heartbeat', async () => {
        const current = await payload.findByID({ collection: 'payload-jobs', id: job.id, depth: 0 })
        return Date.now() - Date.parse(current.updatedAt) < 1000
      })
      expect(await sweepStaleJobs(payload)).toEqual({ requeued: [], abandoned: [] })
      expect(heartbeat.lost()).toBe(false)
      // A sweeper elsewhere took the job over (this process stalled for a whole lease).
      await queryRows(
        payload,
        sql`UPDATE "payload_jobs" SET "processing" = ${false} WHERE "id" = ${num(job.id)} RETURNING "id"`,
      )
      await until('the loss noticed', async () => heartbeat.lost())
    } finally {
      heartbeat.stop()
    }
  })

  it('gives a job up once its process stopped more than JOBS_MAX_TAKEOVERS times', async () => {
    // A queue no runner serves: only the sweeper touches this job.
    const job = await payload.jobs.queue({
      task: 'planPublicationSend',
      queue: 'lease-test',
      input: { collection: 'statements', id: 1 },
    })
    const max = jobLeaseSettings().maxTakeovers
    for (let stop = 1; stop <= max + 1; stop++) {
      await leaveRunning(job.id)
      const swept = await sweepStaleJobs(payload)
      expect(swept, `stop ${stop}`).toEqual(
        stop <= max ? { requeued: [job.id], abandoned: [] } : { requeued: [], abandoned: [job.id] },
      )
    }
    const given = await payload.findByID({ collection: 'payload-jobs', id: job.id, depth: 0 })
    expect(given).toMatchObject({ processing: false, hasError: true, totalTried: max + 1 })
    expect((given.error as TakeoverError).message).toMatch(/stopped 4 times .* not run again/)
    expect(given.log?.map((e) => e.state)).toEqual(Array(max + 1).fill('failed'))
    // A job marked failed is never picked up again, and the sweeper leaves it alone.
    expect(await sweepStaleJobs(payload)).toEqual({ requeued: [], abandoned: [] })
  })
})
