import type { Payload } from 'payload'
import { now, num, queryRows, type SQL, sql } from '../../db/sql.ts'
import { updateRowIf } from '../../db/updateRowIf.ts'
import { jobLeaseSettings } from '../../jobs/index.ts'
import type { DispatchRecipientStatus } from '../directory.ts'
import { noticeKeyPrefix, sendNoticeEmails } from './sendNoticeEmails.ts'

/**
 * A hand-over older than a job lease without its send was cut short (a crash): it is planned
 * again (docs/adr/0026). Planning is idempotent by key, so a slow hand-over still going on is
 * only repeated, never doubled.
 */
const resumeAfterMs = () => jobLeaseSettings().leaseMs
/** After a failed hand-over (e.g. the notice was unpublished), wait this long before trying that dispatch again. */
const retryFailedAfterMs = 5 * 60_000
const failedHandOvers = new Map<number, number>()

/** Rows only move forward; `acknowledged` and `manual` are never touched here. */
const rank: Partial<Record<DispatchRecipientStatus, number>> = { queued: 0, sent: 1, delivered: 2, bounced: 3 }

type Joined = {
  id: unknown
  dispatch_id: unknown
  status: DispatchRecipientStatus
  mail_delivery_key: string
  queued_at: unknown
  send_status: string | null
  email: string | null
  delivery_status: string | null
  error: string | null
  delivery_updated_at: unknown
}

type Outcome = { status: 'sent' | 'delivered' | 'bounced'; values: Record<string, unknown> }

export type SyncResult = { updated: number; resumed: number; completed: number }

const iso = (value: unknown) => (value instanceof Date ? value.toISOString() : String(value))
const earliest = (values: unknown[]) => values.map(iso).sort()[0]

/**
 * Copies the delivery core's outcome onto the dispatch log (docs/adr/0020): a row is
 * `delivered` once any of its addresses is, `sent` once every address is decided and one was
 * accepted, `bounced` when none can be reached (bounced, refused or suppressed, with the
 * reasons). Each change is one conditional UPDATE on the status read, the current attempt's key
 * and `acknowledgedAt IS NULL`, so it never overwrites an acknowledgement, a staff record or a
 * newer attempt. It also plans again what a crash kept from being handed over, and completes
 * dispatches whose e-mail rows are all final. Derived from the core's rows only, so it may run
 * any number of times, anywhere: after each mail run, after each webhook, in tests.
 */
export async function syncNoticeDeliveries(payload: Payload, only?: { sendKeys: string[] }): Promise<SyncResult> {
  const keys = only?.sendKeys.filter((k) => k.startsWith(noticeKeyPrefix))
  if (keys && keys.length === 0) return { updated: 0, resumed: 0, completed: 0 }
  const filter: SQL = keys
    ? sql`AND "r"."mail_delivery_key" IN (${sql.join(
        keys.map((k) => sql`${k}`),
        sql`, `,
      )})`
    : sql``
  const joined = await queryRows<Joined>(
    payload,
    sql`SELECT "r"."id", "r"."dispatch_id", "r"."status", "r"."mail_delivery_key", "r"."queued_at",
          "s"."status" AS "send_status", "d"."email", "d"."status" AS "delivery_status", "d"."error",
          "d"."updated_at" AS "delivery_updated_at"
        FROM "dispatch_recipients" "r"
        LEFT JOIN "sends" "s" ON "s"."key" = "r"."mail_delivery_key"
        LEFT JOIN "deliveries" "d" ON "d"."send_id" = "s"."id"
        WHERE "r"."channel" = 'email' AND "r"."status" IN ('queued', 'sent', 'delivered')
          AND "r"."acknowledged_at" IS NULL AND "r"."mail_delivery_key" IS NOT NULL ${filter}
        ORDER BY "r"."id"`,
  )
  const rows = new Map<number, Joined[]>()
  for (const item of joined) rows.set(num(item.id), [...(rows.get(num(item.id)) ?? []), item])

  const result: SyncResult = { updated: 0, resumed: 0, completed: 0 }
  const toResume = new Map<number, number[]>()
  for (const [id, items] of rows) {
    const first = items[0]!
    const handedOver = first.send_status !== null && first.send_status !== 'planning'
    if (!handedOver) {
      const queuedAt = first.queued_at ? new Date(iso(first.queued_at)).getTime() : 0
      if (first.status === 'queued' && Date.now() - queuedAt > resumeAfterMs()) {
        const dispatch = num(first.dispatch_id)
        toResume.set(dispatch, [...(toResume.get(dispatch) ?? []), id])
      }
      continue
    }
    const outcome = rowOutcome(items)
    if (!outcome || (rank[outcome.status] ?? 0) <= (rank[first.status] ?? 0)) continue
    const values = { ...outcome.values }
    // A row that skipped `sent` (the delivery event came first) still gets its sending time.
    if (first.status !== 'queued') delete values.sentAt
    const changed = await updateRowIf(
      payload,
      'dispatch_recipients',
      id,
      [
        { column: 'status', equals: first.status },
        { column: 'mailDeliveryKey', equals: first.mail_delivery_key },
        { column: 'acknowledgedAt', isNull: true },
      ],
      { ...values, status: outcome.status },
    )
    if (changed) result.updated += 1
  }

  for (const [dispatchId, ids] of toResume) {
    if ((failedHandOvers.get(dispatchId) ?? 0) > Date.now()) continue
    try {
      result.resumed += (
        await sendNoticeEmails(payload, { dispatchId, dispatchRecipientIds: ids, reason: 'resume' })
      ).planned
      failedHandOvers.delete(dispatchId)
    } catch (error) {
      failedHandOvers.set(dispatchId, Date.now() + retryFailedAfterMs)
      payload.logger.error({ err: error, dispatch: dispatchId }, 'Notice e-mails could not be handed over; kept queued')
    }
  }
  result.completed = await completeDispatches(payload)
  return result
}

/** The core cancels a delivery at planning when its address is on the suppression list. */
const suppressedOr = (status: string | null) =>
  status === 'cancelled' ? 'address suppressed (it bounced or complained before)' : String(status)

function rowOutcome(items: Joined[]): Outcome | undefined {
  const deliveries = items.filter((i) => i.delivery_status !== null)
  if (deliveries.length === 0) return undefined
  const by = (...statuses: string[]) => deliveries.filter((d) => statuses.includes(d.delivery_status!))
  const accepted = by('sent', 'delivered', 'complained', 'bounced')
  const sentAt = accepted.length > 0 ? earliest(accepted.map((d) => d.delivery_updated_at)) : undefined
  const delivered = by('delivered', 'complained')
  if (delivered.length > 0) {
    return {
      status: 'delivered',
      values: { deliveredAt: earliest(delivered.map((d) => d.delivery_updated_at)), sentAt },
    }
  }
  if (by('planned', 'batched', 'queued').length > 0) return undefined
  if (by('sent').length > 0) return { status: 'sent', values: { sentAt } }
  const failed = by('bounced', 'failed', 'cancelled')
  return {
    status: 'bounced',
    values: {
      sentAt,
      bouncedAt: failed
        .map((d) => iso(d.delivery_updated_at))
        .sort()
        .at(-1),
      bounceReason: failed
        .map((d) => `${d.email}: ${d.error || suppressedOr(d.delivery_status)}`)
        .join('; ')
        .slice(0, 1000),
    },
  }
}

/** One statement per dispatch: completed once no e-mail row of it is still queued. */
async function completeDispatches(payload: Payload): Promise<number> {
  const done = await queryRows<{ id: unknown }>(
    payload,
    sql`UPDATE "dispatches" SET "status" = 'completed', "updated_at" = ${now()}
        WHERE "status" = 'sending' AND NOT EXISTS (
          SELECT 1 FROM "dispatch_recipients" "r"
          WHERE "r"."dispatch_id" = "dispatches"."id" AND "r"."channel" = 'email' AND "r"."status" = 'queued')
        RETURNING "id"`,
  )
  for (const row of done) payload.logger.info({ dispatch: num(row.id) }, 'Dispatch completed: every e-mail is final')
  return done.length
}

/** For the `deliverMail` job: runs after each mail run. */
export const syncNoticeDeliveriesStep = async (payload: Payload) => {
  const result = await syncNoticeDeliveries(payload)
  if (result.updated + result.resumed + result.completed > 0) {
    payload.logger.info(`Notice dispatch log: ${JSON.stringify(result)}`)
  }
}

/** For the Resend webhook: copies an event on a notice e-mail onto its row at once. */
export const noticeDeliveryObserver = async (payload: Payload, sendKey: string) => {
  await syncNoticeDeliveries(payload, { sendKeys: [sendKey] })
}
