import type { SqlDatabase } from '../db/sql.ts'
import { execute, now, queryRows, sql } from '../db/sql.ts'
import { recountSend } from './counters.ts'

export type CancelOutcome = 'cancelled' | 'too-late' | 'not-found'

/**
 * Cancels a send still in its grace period (`hold_until` in the future) or still waiting for its
 * page (`waiting_for`, docs/adr/0044): one conditional UPDATE, so it either wins before the worker
 * may take a batch (the worker only takes sends whose hold has passed and that wait for nothing)
 * or changes nothing. Its deliveries become `cancelled`; the row keeps its key, so
 * automatic planning never starts it again (planSend's `replaceCancelled` does, for staff).
 */
export async function cancelHeldSend(
  payload: SqlDatabase,
  sendId: number,
  by: number | string | null,
): Promise<CancelOutcome> {
  const at = now()
  const rows = await queryRows(
    payload,
    sql`UPDATE "sends" SET "status" = 'cancelled', "cancelled_at" = ${at}, "cancelled_by_id" = ${by}, "updated_at" = ${at}
        WHERE "id" = ${sendId} AND "status" = 'sending' AND (("hold_until" IS NOT NULL AND "hold_until" > ${at}) OR "waiting_for" IS NOT NULL)
        RETURNING "id"`,
  )
  if (rows.length === 0) {
    const found = await queryRows(payload, sql`SELECT "id" FROM "sends" WHERE "id" = ${sendId}`)
    return found.length ? 'too-late' : 'not-found'
  }
  await execute(
    payload,
    sql`UPDATE "deliveries" SET "status" = 'cancelled', "error" = 'Send cancelled in its grace period', "updated_at" = ${at}
        WHERE "send_id" = ${sendId} AND "status" IN ('planned', 'batched')`,
  )
  await recountSend(payload, sendId)
  return 'cancelled'
}
