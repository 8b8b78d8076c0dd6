import type { Payload, PayloadRequest } from 'payload'
import type { SqlDatabase } from '../db/sql.ts'
import { execute, jsonValue, now, queryRows, sql } from '../db/sql.ts'
import { inTransaction, transactionDb } from '../db/transaction.ts'
import { normalizeEmail } from './address.ts'
import { recountSend } from './counters.ts'
import type { MessageTemplate } from './message.ts'

export type Recipient = {
  /** Unique within the send, e.g. `subscriber:12` or `institution:4`. */
  key: string
  email: string
  /** Filled into the template's `{{name}}` placeholders for this recipient. */
  variables?: Record<string, string>
  /** Set when the recipient is a subscriber, so that unsubscribing cancels what is still planned. */
  subscriber?: number
}

export type PlanSendInput = {
  /** Makes planning idempotent: a second plan with the same key changes nothing. */
  key: string
  /** What staff see in the admin. */
  label: string
  /** Who planned it, e.g. `publication`, `confirmation`, `institution-notice`. */
  purpose: string
  message: MessageTemplate
  recipients: Recipient[]
  /** Free-form description of what the send is about (document, language). */
  source?: Record<string, unknown>
  /** Nothing goes before this instant; until then staff may cancel the send (cancelHeldSend, docs/adr/0039). */
  holdUntil?: Date
  /**
   * The send also waits for something its planner knows about (e.g. `site`: the page it links to
   * being live, docs/adr/0044) that became due at `since`; it goes once `releaseWaitingSends`
   * releases it, and not before `holdUntil` either.
   */
  waitFor?: { reason: string; since: Date }
  /**
   * A cancelled send under the same key is set aside (its key gets a `:cancelled:<id>` suffix)
   * and the send planned afresh: staff starting it again. Without this a cancelled send keeps its
   * key, so automatic planning (a later save, the embargo's end) never revives it.
   */
  replaceCancelled?: boolean
  /** Test hook: called inside the plan's transaction after each part of its rows (crash injection). */
  checkpoint?: (name: string) => void | Promise<void>
}

export type PlannedSend = { sendId: number; created: boolean; planned: number }

const chunk = <T>(items: T[], size: number) =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size))

/**
 * Records a send and one delivery row per recipient (unique per send), ready for the workers,
 * in one transaction: a crash leaves the whole send or nothing (docs/adr/0029). Safe to repeat:
 * a send with the same key is left alone. Pass `req` to plan inside the caller's transaction.
 */
export async function planSend(payload: Payload, input: PlanSendInput, outer?: PayloadRequest): Promise<PlannedSend> {
  let existing = await findSendByKey(payload, input.key, outer)
  if (existing?.status === 'cancelled' && input.replaceCancelled) {
    await execute(
      await transactionDb(payload, outer),
      sql`UPDATE "sends" SET "key" = ${`${input.key}:cancelled:${existing.id}`}, "updated_at" = ${now()}
          WHERE "id" = ${existing.id} AND "status" = 'cancelled'`,
    )
    existing = undefined
  }
  if (existing && existing.status !== 'planning') return { sendId: existing.id, created: false, planned: 0 }
  try {
    return await inTransaction(payload, (req) => recordSend(payload, input, existing?.id, req), outer)
  } catch (error) {
    // Another process planned the same key at the same moment.
    const raced = outer ? undefined : await findSendByKey(payload, input.key)
    if (!raced || raced.status === 'planning') throw error
    return { sendId: raced.id, created: false, planned: 0 }
  }
}

/** A send left `planning` was cut short before plans became transactions: its rows are completed. */
async function recordSend(
  payload: Payload,
  input: PlanSendInput,
  interruptedId: number | undefined,
  req: PayloadRequest,
): Promise<PlannedSend> {
  const db = await transactionDb(payload, req)
  const sendId =
    interruptedId ??
    (
      await payload.create({
        collection: 'sends',
        data: {
          key: input.key,
          label: input.label,
          purpose: input.purpose,
          status: 'planning',
          message: input.message,
          source: input.source ?? null,
          holdUntil: input.holdUntil?.toISOString() ?? null,
          waitingFor: input.waitFor?.reason ?? null,
          waitingSince: input.waitFor?.since.toISOString() ?? null,
        },
        req,
      })
    ).id

  const seen = new Set<string>()
  const recipients = input.recipients.filter((r) => !seen.has(r.key) && seen.add(r.key))
  const suppressed = await suppressedAmong(
    db,
    recipients.map((r) => normalizeEmail(r.email)),
  )
  const stamp = now()
  for (const part of chunk(recipients, 200)) {
    const values = part.map((r) => {
      const email = normalizeEmail(r.email)
      const status = suppressed.has(email) ? 'cancelled' : 'planned'
      return sql`(${sendId}, ${r.key}, ${email}, ${r.subscriber ?? null}, ${status}, ${jsonValue(db, r.variables ?? {})}, 0, ${stamp}, ${stamp})`
    })
    await execute(
      db,
      sql`INSERT INTO "deliveries" ("send_id", "recipient", "email", "subscriber_id", "status", "variables", "attempts", "updated_at", "created_at")
          VALUES ${sql.join(values, sql`, `)}
          ON CONFLICT ("send_id", "recipient") DO NOTHING`,
    )
    await input.checkpoint?.('delivery-rows')
  }
  await execute(
    db,
    sql`UPDATE "sends" SET "status" = 'sending', "updated_at" = ${now()} WHERE "id" = ${sendId} AND "status" = 'planning'`,
  )
  const counts = await recountSend(db, sendId)
  return { sendId, created: true, planned: counts.planned }
}

async function findSendByKey(payload: Payload, key: string, req?: PayloadRequest) {
  const found = await payload.find({
    collection: 'sends',
    where: { key: { equals: key } },
    limit: 1,
    depth: 0,
    pagination: false,
    req,
  })
  return found.docs[0]
}

export async function suppressedAmong(payload: SqlDatabase, emails: string[]): Promise<Set<string>> {
  const result = new Set<string>()
  for (const part of chunk([...new Set(emails)], 500)) {
    if (part.length === 0) continue
    const rows = await queryRows<{ email: string }>(
      payload,
      sql`SELECT "email" FROM "suppressions" WHERE "email" IN (${sql.join(
        part.map((e) => sql`${e}`),
        sql`, `,
      )})`,
    )
    for (const row of rows) result.add(row.email)
  }
  return result
}

/**
 * Cancels deliveries not yet handed to the provider, for a subscriber (they unsubscribed) or an
 * address (it bounced). Deliveries already in a prepared batch stay: their batch is frozen so
 * that a retry repeats exactly the same request.
 */
export async function cancelPendingDeliveries(
  payload: SqlDatabase,
  who: { subscriber: number } | { email: string },
  reason: string,
): Promise<number> {
  const condition =
    'subscriber' in who ? sql`"subscriber_id" = ${who.subscriber}` : sql`"email" = ${normalizeEmail(who.email)}`
  const rows = await queryRows<{ send_id: unknown }>(
    payload,
    sql`UPDATE "deliveries" SET "status" = 'cancelled', "error" = ${reason}, "updated_at" = ${now()}
        WHERE ${condition} AND "status" IN ('planned', 'batched') RETURNING "send_id"`,
  )
  for (const sendId of new Set(rows.map((r) => Number(r.send_id)))) await recountSend(payload, sendId)
  return rows.length
}
