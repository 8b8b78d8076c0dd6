import { execute, now, num, queryRows, type SqlDatabase, sql } from '../db/sql.ts'
import { recountSend } from './counters.ts'

/**
 * Batches past the provider's idempotency window (docs/adr/0028). The provider forgets a key 24
 * hours after its first use, so a batch whose first attempt is older and whose outcome is not
 * known (the answer was lost, the process died) could mail everyone twice if sent again. The
 * worker holds it instead (`held`), and staff decide: send anyway, or give up.
 */

export type HeldBatch = {
  id: number
  sendId: number
  sendLabel: string
  firstAttemptAt: string | null
  lastError: string | null
  messages: number
}

/** Dates come back as Date objects or as text in either database's format. */
const iso = (value: unknown) =>
  value === null || value === undefined ? null : new Date(value as string | Date).toISOString()

/** Called by the worker that holds the lease: the batch waits for staff, its rows stay queued. */
export async function holdBatch(payload: SqlDatabase, batchId: number, owner: string, waiting: number) {
  const [held] = await queryRows<{ first_attempt_at: unknown; error: string | null }>(
    payload,
    sql`UPDATE "mail_batches" SET "status" = 'held', "lease_until" = NULL, "messages" = ${waiting}, "updated_at" = ${now()}
        WHERE "id" = ${batchId} AND "lease_owner" = ${owner} AND "status" = 'prepared'
        RETURNING "first_attempt_at", "error"`,
  )
  if (!held) return
  payload.logger.warn(
    `Mail batch ${batchId} (${waiting} messages) is held for staff: first sent at ${iso(held.first_attempt_at)}, ` +
      `its outcome is unknown (last error: ${held.error ?? 'none'}) and the provider no longer remembers its key. ` +
      'Decide under E-mail → Batches: send anyway or give up.',
  )
}

/** Every batch waiting for a staff decision, oldest first (for the admin and monitoring). */
export async function heldBatches(payload: SqlDatabase): Promise<HeldBatch[]> {
  const rows = await queryRows<Record<string, unknown>>(
    payload,
    sql`SELECT "b"."id", "b"."send_id", "s"."label", "b"."first_attempt_at", "b"."error", "b"."messages"
        FROM "mail_batches" "b" JOIN "sends" "s" ON "s"."id" = "b"."send_id"
        WHERE "b"."status" = 'held' ORDER BY "b"."id"`,
  )
  return rows.map((r) => ({
    id: num(r.id),
    sendId: num(r.send_id),
    sendLabel: String(r.label),
    firstAttemptAt: iso(r.first_attempt_at),
    lastError: (r.error as string | null) ?? null,
    messages: num(r.messages),
  }))
}

export type BatchDecision = 'send-anyway' | 'give-up'

export const givenUpError =
  'Not sent again: the answer to the first attempt never arrived and the provider had forgotten its key; staff gave up. It may or may not have been delivered. / ' +
  'Повторно не отправлено: ответ на первую попытку не пришёл, провайдер уже забыл её ключ; сотрудник отказался от повтора. Письмо могло быть доставлено, а могло и нет.'

/**
 * Applies a staff decision to a held batch; false when it is not held (any more). Each step is
 * one conditional statement, safe against a second click and a crash between them: "give up"
 * fails the rows first, only while the batch is still held, then closes the batch.
 */
export async function decideHeldBatch(
  payload: SqlDatabase,
  batchId: number,
  decision: BatchDecision,
  userId: number | string,
): Promise<boolean> {
  const at = now()
  const decided = sql`"decision" = ${decision}, "decided_by_id" = ${userId}, "decided_at" = ${at}, "updated_at" = ${at}`
  if (decision === 'send-anyway') {
    // A new first attempt and a new window; the same key and body, so if the provider does still
    // remember the key, it answers from memory instead of sending twice.
    const rows = await queryRows(
      payload,
      sql`UPDATE "mail_batches" SET "status" = 'prepared', "first_attempt_at" = NULL, "lease_owner" = NULL,
            "lease_until" = ${at}, "attempts" = 0, ${decided}
          WHERE "id" = ${batchId} AND "status" = 'held' RETURNING "id"`,
    )
    return rows.length > 0
  }
  await execute(
    payload,
    sql`UPDATE "deliveries" SET "status" = 'failed', "error" = ${givenUpError}, "updated_at" = ${at}
        WHERE "batch_id" = ${batchId} AND "status" = 'queued'
        AND EXISTS (SELECT 1 FROM "mail_batches" WHERE "id" = ${batchId} AND "status" = 'held')`,
  )
  const [closed] = await queryRows<{ send_id: unknown }>(
    payload,
    sql`UPDATE "mail_batches" SET "status" = 'failed', "lease_until" = NULL, ${decided}
        WHERE "id" = ${batchId} AND "status" = 'held' RETURNING "send_id"`,
  )
  if (!closed) return false
  await recountSend(payload, num(closed.send_id))
  return true
}
