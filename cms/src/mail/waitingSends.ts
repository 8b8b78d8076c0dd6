import type { SqlDatabase } from '../db/sql.ts'
import { idList, now, num, queryRows, sql } from '../db/sql.ts'

export type WaitingSend = { id: number; key: string; waitingSince: string }

const iso = (value: unknown) => new Date(value as string).toISOString()

/**
 * Sends planned with `waitFor` that still wait for `reason` (e.g. `site`, docs/adr/0044), oldest
 * first. The core never decides when they may go: the feature that planned them does.
 */
export async function waitingSends(payload: SqlDatabase, reason: string): Promise<WaitingSend[]> {
  const rows = await queryRows<{ id: unknown; key: unknown; waiting_since: unknown }>(
    payload,
    sql`SELECT "id", "key", "waiting_since" FROM "sends"
        WHERE "waiting_for" = ${reason} AND "status" = 'sending' ORDER BY "waiting_since", "id"`,
  )
  return rows.map((r) => ({ id: num(r.id), key: String(r.key), waitingSince: iso(r.waiting_since) }))
}

/**
 * Lets sends waiting for `reason` go (the worker takes them at its next run, once their hold has
 * passed too): those whose wait began at or before `upTo`, or those named in `ids`. One
 * conditional UPDATE: repeating it, or two processes at once, release each send once. Returns the
 * ids released.
 */
export async function releaseWaitingSends(
  payload: SqlDatabase,
  reason: string,
  which: { upTo: Date } | { ids: number[] },
): Promise<number[]> {
  if ('ids' in which && which.ids.length === 0) return []
  const chosen =
    'upTo' in which ? sql`"waiting_since" <= ${which.upTo.toISOString()}` : sql`"id" IN (${idList(which.ids)})`
  const rows = await queryRows<{ id: unknown }>(
    payload,
    sql`UPDATE "sends" SET "waiting_for" = NULL, "updated_at" = ${now()}
        WHERE "waiting_for" = ${reason} AND ${chosen}
        RETURNING "id"`,
  )
  return rows.map((r) => num(r.id))
}
