import type { SqlDatabase } from '../db/sql.ts'
import { execute, num, queryRows, sql } from '../db/sql.ts'

export type SendCounts = {
  planned: number
  sent: number
  delivered: number
  bounced: number
  complained: number
  failed: number
  cancelled: number
  pending: number
}

/**
 * Counts a send's deliveries by status and writes the counters staff see. Counting (rather
 * than incrementing) makes it safe to run any number of times from any worker or webhook.
 */
export async function recountSend(payload: SqlDatabase, sendId: number): Promise<SendCounts> {
  const rows = await queryRows<{ status: string; n: unknown }>(
    payload,
    sql`SELECT "status", CAST(count(*) AS INTEGER) AS "n" FROM "deliveries" WHERE "send_id" = ${sendId} GROUP BY "status"`,
  )
  const by = Object.fromEntries(rows.map((r) => [r.status, num(r.n)])) as Record<string, number>
  const get = (...statuses: string[]) => statuses.reduce((sum, s) => sum + (by[s] ?? 0), 0)
  const counts: SendCounts = {
    planned: rows.reduce((sum, r) => sum + num(r.n), 0),
    sent: get('sent', 'delivered', 'bounced', 'complained'),
    delivered: get('delivered', 'complained'),
    bounced: get('bounced'),
    complained: get('complained'),
    failed: get('failed'),
    cancelled: get('cancelled'),
    pending: get('planned', 'batched', 'queued'),
  }
  const done = counts.pending === 0
  await execute(
    payload,
    sql`UPDATE "sends" SET "planned" = ${counts.planned}, "sent" = ${counts.sent}, "delivered" = ${counts.delivered},
        "bounced" = ${counts.bounced}, "complained" = ${counts.complained}, "failed" = ${counts.failed},
        "cancelled" = ${counts.cancelled},
        "status" = CASE WHEN "status" = 'sending' AND ${done} THEN 'done' ELSE "status" END
        WHERE "id" = ${sendId}`,
  )
  return counts
}
