import { createHash, randomUUID } from 'node:crypto'
import os from 'node:os'
import type { SqlDatabase } from '../db/sql.ts'
import { caseById, execute, idList, now, num, parseJson, queryRows, sql } from '../db/sql.ts'
import { idempotencyWindowMs } from './config.ts'
import { recountSend } from './counters.ts'
import { holdBatch } from './heldBatches.ts'
import { type MessageTemplate, type OutgoingMessage, personalize } from './message.ts'
import { cancelPendingDeliveries, suppressedAmong } from './plan.ts'
import type { RequestBucket } from './sharedBucket.ts'
import { sleep } from './tokenBucket.ts'
import type { MailTransport, MessageResult } from './transport.ts'
import { applyPendingEvents } from './webhooks.ts'

export type WorkerOptions = {
  transport: MailTransport
  /** The provider's request limit: `providerBucket(payload)`, shared by every process. */
  bucket: RequestBucket
  /** Identifies this worker in batch leases. */
  owner?: string
  /** How long a claimed batch stays ours; a crashed worker's batch is taken over after it. */
  leaseMs?: number
  /** Stop claiming new batches after this instant (ms since epoch). */
  deadline?: number
  maxBatches?: number
  /** Attempts of one batch within one claim before it is left for a later run (429s do not count). */
  maxAttemptsPerClaim?: number
  /** How long the provider keeps idempotency keys; default `idempotencyWindowMs()` (24 h). */
  idempotencyWindowMs?: number
  /** Claims of one batch before it is given up as failed. */
  maxClaims?: number
  /** Test hook: called at named points of the work (crash injection). */
  checkpoint?: (name: string) => void | Promise<void>
}

export type WorkerResult = { batches: number; sent: number; failed: number; retries: number; held: number }

type Batch = { id: number; sendId: number; status: string; attempts: number }
type SendInfo = { key: string; createdAt: string; message: MessageTemplate }

/**
 * Sends what is planned, a batch at a time, until nothing claimable is left or the deadline
 * passes. Any number of workers may run at once, in any number of processes.
 */
export async function runDeliveryWorker(payload: SqlDatabase, options: WorkerOptions): Promise<WorkerResult> {
  const owner = options.owner ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`
  const leaseMs = options.leaseMs ?? Number(process.env.MAIL_LEASE_SECONDS ?? 120) * 1000
  const result: WorkerResult = { batches: 0, sent: 0, failed: 0, retries: 0, held: 0 }
  // A little inside the provider's window: its clock and ours differ, and a request takes time.
  const trustedWindowMs = (options.idempotencyWindowMs ?? idempotencyWindowMs()) * 0.99
  const sends = new Map<number, SendInfo>()
  const checkpoint = options.checkpoint ?? (() => {})
  const batchSize = Math.min(100, options.transport.maxBatchSize)

  while (
    (options.deadline === undefined || Date.now() < options.deadline) &&
    result.batches < (options.maxBatches ?? Infinity)
  ) {
    const batch =
      (await claimAbandonedBatch(payload, owner, leaseMs)) ?? (await claimNewBatch(payload, owner, leaseMs, batchSize))
    if (!batch) break
    await checkpoint('claimed')
    result.batches += 1
    if (batch.attempts > (options.maxClaims ?? 20)) {
      await failBatch(payload, batch, 'Given up after too many attempts; see the worker log.')
      continue
    }
    let send = sends.get(batch.sendId)
    if (!send) {
      send = await loadSend(payload, batch.sendId)
      sends.set(batch.sendId, send)
    }
    const key = idempotencyKey(send, batch.id)
    if (batch.status === 'open') await prepareBatch(payload, batch, send, key, checkpoint)
    await checkpoint('prepared')

    const rows = await queryRows<{ id: unknown; payload: unknown; status: string }>(
      payload,
      sql`SELECT "id", "payload", "status" FROM "deliveries"
          WHERE "batch_id" = ${batch.id} AND "status" NOT IN ('planned', 'batched', 'cancelled') ORDER BY "id"`,
    )
    if (rows.length === 0 || rows.every((r) => r.status !== 'queued')) {
      await finishBatch(payload, batch, rows.length === 0 ? 'empty' : 'sent')
      continue
    }
    const messages = rows.map((r) => parseJson<OutgoingMessage>(r.payload))
    const ids = rows.map((r) => num(r.id))

    let attempts = 0
    let outcome: Awaited<ReturnType<MailTransport['sendBatch']>> | undefined
    let left: 'lease lost' | 'deadline' | 'held' | undefined
    while (attempts < (options.maxAttemptsPerClaim ?? 8)) {
      const lease = await renewLease(payload, batch.id, owner, leaseMs)
      if (!lease) {
        left = 'lease lost'
        break
      }
      // Past the provider's memory of the key a retry could mail everyone twice: staff decide.
      if (lease.firstAttemptAt !== null && Date.now() - lease.firstAttemptAt >= trustedWindowMs) {
        await holdBatch(payload, batch.id, owner, rows.filter((r) => r.status === 'queued').length)
        result.held += 1
        left = 'held'
        break
      }
      let firstAttemptNoted = lease.firstAttemptAt !== null
      await checkpoint('sending')
      outcome = await options.transport.sendBatch(messages, key, {
        beforeRequest: async () => {
          // Noted before the turn is taken, so the request leaves right after its turn.
          if (!firstAttemptNoted) await noteFirstAttempt(payload, batch.id)
          firstAttemptNoted = true
          await options.bucket.take()
        },
      })
      await checkpoint('answered')
      if (outcome.kind !== 'retry') break
      result.retries += 1
      await noteError(payload, batch.id, outcome.reason)
      // 429: the provider is busy, not refusing: wait what it asked, for every worker of every
      // process, and try again as long as the run lasts; a batch is never failed for it.
      if (outcome.reason.startsWith('429')) {
        payload.logger.warn(`Mail batch ${batch.id}: ${outcome.reason}; every worker waits ${outcome.afterMs} ms`)
        await options.bucket.drain(outcome.afterMs)
        if (options.deadline !== undefined && Date.now() >= options.deadline) {
          left = 'deadline'
          break
        }
        continue
      }
      attempts += 1
      if (attempts >= (options.maxAttemptsPerClaim ?? 8)) break
      const wait = outcome.afterMs * 2 ** Math.min(attempts - 1, 4)
      payload.logger.warn(`Mail batch ${batch.id}: ${outcome.reason}; trying again in ${wait} ms`)
      await sleep(wait)
    }
    if (left === 'deadline') await releaseBatch(payload, batch.id, owner)
    // Lease lost, held, or still failing: the lease runs out and a later run takes the batch over.
    if (left || !outcome || outcome.kind === 'retry') continue
    if (outcome.kind === 'rejected') {
      payload.logger.error(`Mail batch ${batch.id} refused by ${options.transport.name}: ${outcome.reason}`)
      await markResults(
        payload,
        ids,
        ids.map(() => ({ error: outcome.reason })),
      )
      result.failed += ids.length
      await finishBatch(payload, batch, 'failed')
    } else {
      await markResults(payload, ids, outcome.results)
      await checkpoint('recorded')
      result.sent += outcome.results.filter((r) => 'id' in r).length
      result.failed += outcome.results.filter((r) => 'error' in r).length
      await finishBatch(payload, batch, 'sent')
      await applyPendingEvents(
        payload,
        outcome.results.flatMap((r) => ('id' in r ? [r.id] : [])),
      )
    }
    await recountSend(payload, batch.sendId)
  }
  return result
}

/** Derived from the send (its key and creation instant, so a rebuilt database never reuses one) and the batch. */
export function idempotencyKey(send: SendInfo, batchId: number): string {
  const digest = createHash('sha256').update(`${send.key}\n${send.createdAt}`).digest('base64url').slice(0, 22)
  return `pressroom-${digest}-b${batchId}`
}

async function loadSend(payload: SqlDatabase, sendId: number): Promise<SendInfo> {
  const [send] = await queryRows<{ key: string; created_at: unknown; message: unknown }>(
    payload,
    sql`SELECT "key", "created_at", "message" FROM "sends" WHERE "id" = ${sendId}`,
  )
  if (!send) throw new Error(`Send ${sendId} does not exist.`)
  const createdAt = send.created_at instanceof Date ? send.created_at.toISOString() : String(send.created_at)
  return { key: send.key, createdAt, message: parseJson<MessageTemplate>(send.message) }
}

async function claimAbandonedBatch(payload: SqlDatabase, owner: string, leaseMs: number): Promise<Batch | undefined> {
  const at = now()
  const rows = await queryRows(
    payload,
    sql`UPDATE "mail_batches" SET "lease_owner" = ${owner}, "lease_until" = ${new Date(Date.now() + leaseMs).toISOString()},
          "attempts" = "attempts" + 1, "updated_at" = ${at}
        WHERE "id" = (
          SELECT "b"."id" FROM "mail_batches" "b" JOIN "sends" "s" ON "s"."id" = "b"."send_id"
          WHERE "b"."status" IN ('open', 'prepared') AND "b"."lease_until" < ${at} AND "s"."paused" = ${false}
          ORDER BY "b"."id" LIMIT 1)
        AND "status" IN ('open', 'prepared') AND "lease_until" < ${at}
        RETURNING "id", "send_id", "status", "attempts"`,
  )
  return rows[0] ? toBatch(rows[0]) : undefined
}

async function claimNewBatch(
  payload: SqlDatabase,
  owner: string,
  leaseMs: number,
  size: number,
): Promise<Batch | undefined> {
  for (;;) {
    const next = await queryRows<{ send_id: unknown }>(
      payload,
      sql`SELECT "d"."send_id" FROM "deliveries" "d" JOIN "sends" "s" ON "s"."id" = "d"."send_id"
          WHERE "d"."status" = 'planned' AND "s"."status" = 'sending' AND "s"."paused" = ${false}
          AND ("s"."hold_until" IS NULL OR "s"."hold_until" <= ${now()})
          AND "s"."waiting_for" IS NULL
          ORDER BY "d"."send_id" LIMIT 1`,
    )
    if (!next[0]) return undefined
    const sendId = num(next[0].send_id)
    const at = now()
    const [created] = await queryRows(
      payload,
      sql`INSERT INTO "mail_batches" ("send_id", "status", "lease_owner", "lease_until", "attempts", "updated_at", "created_at")
          VALUES (${sendId}, 'open', ${owner}, ${new Date(Date.now() + leaseMs).toISOString()}, 1, ${at}, ${at})
          RETURNING "id", "send_id", "status", "attempts"`,
    )
    const batch = toBatch(created!)
    // One statement takes up to `size` planned rows: two workers can never take the same row.
    const taken = await queryRows(
      payload,
      sql`UPDATE "deliveries" SET "batch_id" = ${batch.id}, "status" = 'batched', "updated_at" = ${at}
          WHERE "id" IN (SELECT "id" FROM "deliveries" WHERE "send_id" = ${sendId} AND "status" = 'planned' ORDER BY "id" LIMIT ${size})
          AND "status" = 'planned'
          RETURNING "id"`,
    )
    if (taken.length > 0) return batch
    await finishBatch(payload, batch, 'empty')
  }
}

function toBatch(row: Record<string, unknown>): Batch {
  return { id: num(row.id), sendId: num(row.send_id), status: String(row.status), attempts: num(row.attempts) }
}

/** Writes each recipient's exact message into its row, before anything is sent. */
async function prepareBatch(
  payload: SqlDatabase,
  batch: Batch,
  send: SendInfo,
  key: string,
  checkpoint: (name: string) => void | Promise<void>,
) {
  const rows = await queryRows<{ id: unknown; email: string; variables: unknown }>(
    payload,
    sql`SELECT "id", "email", "variables" FROM "deliveries" WHERE "batch_id" = ${batch.id} AND "status" = 'batched' ORDER BY "id"`,
  )
  const suppressed = await suppressedAmong(
    payload,
    rows.map((r) => r.email),
  )
  for (const email of suppressed) await cancelPendingDeliveries(payload, { email }, 'address suppressed')
  const payloads = new Map<number, string>()
  for (const row of rows) {
    if (suppressed.has(row.email)) continue
    const variables = parseJson<Record<string, string> | null>(row.variables) ?? {}
    payloads.set(num(row.id), JSON.stringify(personalize(send.message, row.email, variables)))
  }
  await checkpoint('preparing')
  if (payloads.size > 0) {
    await execute(
      payload,
      sql`UPDATE "deliveries" SET "status" = 'queued', "payload" = ${caseById(payloads)}, "updated_at" = ${now()}
          WHERE "id" IN (${idList([...payloads.keys()])}) AND "batch_id" = ${batch.id} AND "status" = 'batched'`,
    )
  }
  await execute(
    payload,
    sql`UPDATE "mail_batches" SET "status" = 'prepared', "idempotency_key" = ${key}, "updated_at" = ${now()}
        WHERE "id" = ${batch.id} AND "status" = 'open'`,
  )
}

/** Keeps the batch ours a lease longer; undefined when it is not ours any more. */
async function renewLease(
  payload: SqlDatabase,
  batchId: number,
  owner: string,
  leaseMs: number,
): Promise<{ firstAttemptAt: number | null } | undefined> {
  const [row] = await queryRows<{ first_attempt_at: unknown }>(
    payload,
    sql`UPDATE "mail_batches" SET "lease_until" = ${new Date(Date.now() + leaseMs).toISOString()}
        WHERE "id" = ${batchId} AND "lease_owner" = ${owner} AND "status" IN ('open', 'prepared')
        RETURNING "first_attempt_at"`,
  )
  if (!row) return undefined
  const first = row.first_attempt_at
  return { firstAttemptAt: first === null || first === undefined ? null : new Date(first as string | Date).getTime() }
}

/** Written before the first request leaves: the provider's idempotency window starts there. */
async function noteFirstAttempt(payload: SqlDatabase, batchId: number) {
  await execute(
    payload,
    sql`UPDATE "mail_batches" SET "first_attempt_at" = COALESCE("first_attempt_at", ${now()}) WHERE "id" = ${batchId}`,
  )
}

async function noteError(payload: SqlDatabase, batchId: number, reason: string) {
  await execute(payload, sql`UPDATE "mail_batches" SET "error" = ${reason.slice(0, 500)} WHERE "id" = ${batchId}`)
}

/**
 * Gives a batch back at the end of a run that was kept waiting by the provider's rate limit:
 * the next run takes it at once, and this claim does not count towards giving up.
 */
async function releaseBatch(payload: SqlDatabase, batchId: number, owner: string) {
  await execute(
    payload,
    sql`UPDATE "mail_batches" SET "lease_until" = ${now()}, "attempts" = "attempts" - 1
        WHERE "id" = ${batchId} AND "lease_owner" = ${owner} AND "status" IN ('open', 'prepared')`,
  )
}

async function markResults(payload: SqlDatabase, ids: number[], results: MessageResult[]) {
  const sentIds = new Map<number, string>()
  const errors = new Map<number, string>()
  ids.forEach((id, index) => {
    const r = results[index]
    if (r && 'id' in r) sentIds.set(id, r.id)
    else errors.set(id, (r && 'error' in r ? r.error : 'No result for this message.').slice(0, 500))
  })
  const at = now()
  if (sentIds.size > 0) {
    await execute(
      payload,
      sql`UPDATE "deliveries" SET "status" = 'sent', "provider_message_id" = ${caseById(sentIds)},
            "attempts" = "attempts" + 1, "updated_at" = ${at}
          WHERE "id" IN (${idList([...sentIds.keys()])}) AND "status" = 'queued'`,
    )
  }
  if (errors.size > 0) {
    await execute(
      payload,
      sql`UPDATE "deliveries" SET "status" = 'failed', "error" = ${caseById(errors)}, "attempts" = "attempts" + 1, "updated_at" = ${at}
          WHERE "id" IN (${idList([...errors.keys()])}) AND "status" = 'queued'`,
    )
  }
}

async function finishBatch(payload: SqlDatabase, batch: Batch, status: 'sent' | 'failed' | 'empty') {
  await execute(
    payload,
    sql`UPDATE "mail_batches" SET "status" = ${status}, "lease_until" = NULL, "updated_at" = ${now()} WHERE "id" = ${batch.id}`,
  )
}

async function failBatch(payload: SqlDatabase, batch: Batch, reason: string) {
  await execute(
    payload,
    sql`UPDATE "deliveries" SET "status" = 'failed', "error" = ${reason}, "updated_at" = ${now()}
        WHERE "batch_id" = ${batch.id} AND "status" IN ('batched', 'queued')`,
  )
  await execute(payload, sql`UPDATE "mail_batches" SET "error" = ${reason} WHERE "id" = ${batch.id}`)
  await finishBatch(payload, batch, 'failed')
  await recountSend(payload, batch.sendId)
}
