import { readdir, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { queryRows, type SqlDatabase, sql } from '../db/sql.ts'

/** Rows changed per statement: short statements never hold SQLite's write lock for long. */
const chunk = 500

/**
 * Repeats a statement that changes at most `chunk` rows (and returns their ids) until it changes
 * none; gives the total.
 */
async function inChunks(payload: SqlDatabase, statement: () => ReturnType<typeof sql>): Promise<number> {
  let total = 0
  for (;;) {
    const rows = await queryRows(payload, statement())
    total += rows.length
    if (rows.length < chunk) return total
  }
}

/**
 * Drops the stored message (`payload`: the exact e-mail given to the provider, attachments
 * included) of deliveries that are finished and older than the cutoff. A delivery still to be
 * sent (planned, batched, queued) keeps its payload whatever its age: a batch re-sent after a
 * crash must send the very same bytes under its idempotency key (docs/adr/0010).
 */
export function pruneMailPayloads(payload: SqlDatabase, before: Date): Promise<number> {
  return inChunks(
    payload,
    () => sql`UPDATE "deliveries" SET "payload" = NULL
      WHERE "id" IN (SELECT "id" FROM "deliveries"
                     WHERE "payload" IS NOT NULL AND "updated_at" < ${before.toISOString()}
                       AND "status" NOT IN ('planned', 'batched', 'queued')
                     ORDER BY "id" LIMIT ${chunk})
      RETURNING "id"`,
  )
}

/**
 * Deletes provider webhook events received before the cutoff. An event is applied when it
 * arrives, or (if it came before the worker recorded its message id) as soon as the worker
 * records it, seconds later; one still unapplied after weeks never will be.
 */
export function pruneWebhookEvents(payload: SqlDatabase, before: Date): Promise<number> {
  return inChunks(
    payload,
    () => sql`DELETE FROM "mail_events"
      WHERE "id" IN (SELECT "id" FROM "mail_events" WHERE "created_at" < ${before.toISOString()} ORDER BY "id" LIMIT ${chunk})
      RETURNING "id"`,
  )
}

/**
 * Deletes the local outbox's .eml files written before the cutoff (and half-written ones left by
 * a stopped process). Nothing reads them back: they are the copy a person opens.
 */
export async function pruneOutbox(dir: string, before: Date): Promise<number> {
  let names: string[]
  try {
    names = await readdir(dir)
  } catch {
    return 0
  }
  let removed = 0
  for (const name of names) {
    if (!name.endsWith('.eml') && !name.endsWith('.eml.partial')) continue
    const file = path.join(dir, name)
    const info = await stat(file).catch(() => null)
    if (!info?.isFile() || info.mtimeMs >= before.getTime()) continue
    await rm(file, { force: true })
    removed += 1
  }
  return removed
}
