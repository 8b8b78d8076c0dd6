import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows, sql } from '../db/sql.ts'
import { planSend, runDeliveryWorker, TokenBucket } from '../mail/index.ts'
import { resendTransport } from '../mail/resendTransport.ts'
import { type FakeResend, startFakeResend } from '../mail/testing/fakeResend.ts'
import { type StartedPayload, startPayload, testDatabase } from '../testing/payload.ts'
import { crashCheckpoints, randomInt, spawnCrashWorker } from './helpers/crashWorker.ts'

/**
 * Crash injection: a worker in a real child process is SIGKILLed at a random instant or at a
 * random checkpoint (claimed, preparing, prepared, sending, answered, recorded), sometimes
 * beside a second worker; then a recovery worker finishes. Every run checks that the set of
 * addresses the provider accepted equals the planned set, each exactly once.
 * CRASH_RUNS sets the number of runs (default 50 on SQLite, 10 on PostgreSQL).
 */
const runs = Number(process.env.CRASH_RUNS ?? (testDatabase === 'postgres' ? 10 : 50))

let started: StartedPayload
let payload: Payload
let fake: FakeResend

beforeAll(async () => {
  fake = await startFakeResend({ ratePerSecond: 10_000, latencyMs: 5 })
  // The child workers' shared provider limit (RESEND_RATE_LIMIT) as fast as the parent's bucket.
  started = await startPayload({
    env: { RESEND_BASE_URL: fake.url, RESEND_API_KEY: 're_test_key', RESEND_RATE_LIMIT: '1000' },
  })
  payload = started.payload
})

afterAll(async () => {
  await started?.stop()
  await fake?.stop()
})

async function pending(sendId: number): Promise<number> {
  const [row] = await queryRows<{ n: unknown }>(
    payload,
    sql`SELECT CAST(count(*) AS INTEGER) AS "n" FROM "deliveries" WHERE "send_id" = ${sendId} AND "status" IN ('planned', 'batched', 'queued')`,
  )
  return Number(row?.n ?? 0)
}

/** One run's plan: how many addresses, where the victim dies, and whether a partner works beside it. */
type Run = { count: number; crashAt?: string; byCheckpoint: boolean; withPartner: boolean }

function planRun(run: number): Run {
  const count = randomInt(60, 300)
  const byCheckpoint = run % 2 === 0
  // Every fifth run a second worker works beside the one that dies.
  const withPartner = run % 5 === 4
  // A checkpoint passed once a batch: aim at one the victim surely reaches (a partner may take the rest).
  const batches = Math.ceil(count / 100)
  const crashAt = byCheckpoint
    ? `${crashCheckpoints[run % crashCheckpoints.length]}:${withPartner ? 1 : randomInt(1, batches)}`
    : undefined
  return { count, crashAt, byCheckpoint, withPartner }
}

/** A run's workers, started (loaded, waiting for "go") while the runs before it work and recover. */
const spawnWorkers = (plan: Run) => ({
  victim: spawnCrashWorker(plan.crashAt, { startOnGo: true }),
  partner: plan.withPartner ? spawnCrashWorker(undefined, { startOnGo: true }) : undefined,
})

describe(`crash injection (${runs} runs, ${testDatabase})`, () => {
  it('a killed worker never makes anyone miss or repeat a message', { timeout: runs * 15_000 }, async () => {
    const outcomes: string[] = []
    const plans = Array.from({ length: runs }, (_, run) => planRun(run))
    // Two runs ahead: a worker takes longer to load than a run takes on a busy machine.
    const ahead = plans.slice(0, 2).map(spawnWorkers)
    for (let run = 0; run < runs; run++) {
      const { count, crashAt, byCheckpoint, withPartner } = plans[run]!
      const { victim, partner } = ahead.shift()!
      const prefix = `crash${run}-`
      const planned = Array.from({ length: count }, (_, i) => `${prefix}${i}@example.org`)
      const { sendId } = await planSend(payload, {
        key: `crash:${run}:${Date.now()}`,
        label: `Crash run ${run}`,
        purpose: 'test',
        message: { from: 'press@example.org', subject: 'Crash test', html: '<p>{{n}}</p>', text: '{{n}}' },
        recipients: planned.map((email, i) => ({ key: `r:${i}`, email, variables: { n: String(i) } })),
      })
      // Some runs lose answers on the way back, so a batch the provider took is retried after the crash.
      fake.options.randomFaults = run % 3 === 0 ? { 'drop-after': 0.2, 'server-error': 0.1 } : {}

      await victim.ready
      if (partner) await partner.ready
      victim.go()
      partner?.go()
      if (!byCheckpoint) {
        await new Promise((resolve) => setTimeout(resolve, randomInt(0, 250)))
        victim.child.kill('SIGKILL')
      }
      outcomes.push(`${withPartner ? 'partner ' : ''}${crashAt ?? 'timer'}→${await victim.exited}`)
      if (partner) await partner.exited
      // Later runs' workers load while this one recovers; they wait for their own send.
      if (run + 2 < runs) ahead.push(spawnWorkers(plans[run + 2]!))

      // Recovery: a fresh worker takes over abandoned batches once their lease runs out.
      fake.options.randomFaults = {}
      const deadline = Date.now() + 30_000
      while ((await pending(sendId)) > 0) {
        if (Date.now() > deadline) throw new Error(`run ${run}: deliveries still pending after recovery`)
        await runDeliveryWorker(payload, {
          transport: resendTransport('re_test_key'),
          bucket: new TokenBucket(10_000, 10),
          leaseMs: 1000,
        })
        await new Promise((resolve) => setTimeout(resolve, 50))
      }

      const mailed = fake.accepted.filter((a) => a.to.startsWith(prefix)).map((a) => a.to)
      expect(new Set(mailed).size, `run ${run}: duplicates`).toBe(mailed.length)
      expect([...mailed].sort(), `run ${run}: delivered set`).toEqual([...planned].sort())
    }
    // The kills really interrupted work: every run aimed at a checkpoint the victim alone reaches died
    // there (runs killed by a timer may have finished first: those prove nothing and are not counted).
    const aimed = outcomes.filter((o) => !o.startsWith('partner') && !o.startsWith('timer'))
    expect(aimed.length).toBeGreaterThan(0)
    expect(
      aimed.filter((o) => !o.endsWith('SIGKILL')),
      outcomes.join(', '),
    ).toEqual([])
  })
})
