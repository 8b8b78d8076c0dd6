import type { Payload } from 'payload'
import { Webhook } from 'svix'
import type { SqlDatabase } from '../db/sql.ts'
import { execute, jsonValue, now, num, parseJson, queryRows, sql } from '../db/sql.ts'
import { webhookBytes } from '../http/bodyLimits.ts'
import { readBodyUpTo } from '../http/boundedBody.ts'
import { normalizeEmail } from './address.ts'
import { recountSend } from './counters.ts'
import { cancelPendingDeliveries } from './plan.ts'

export const maxWebhookBytes = webhookBytes

type ResendEvent = {
  type?: string
  created_at?: string
  data?: { email_id?: string; to?: string[] | string; bounce?: { type?: string; message?: string } }
}

const json = (status: number, body: Record<string, unknown>) => Response.json(body, { status })

/**
 * Resend's webhooks come through Svix: `svix-id`, `svix-timestamp` and `svix-signature`
 * headers, checked with the endpoint's signing secret (`whsec_…`). Svix refuses timestamps
 * more than five minutes away from now, so a replayed old event is refused too.
 */
export function verifyWebhookSignature(secret: string, body: string, headers: Headers): ResendEvent {
  new Webhook(secret).verify(body, {
    'svix-id': headers.get('svix-id') ?? '',
    'svix-timestamp': headers.get('svix-timestamp') ?? '',
    'svix-signature': headers.get('svix-signature') ?? '',
  })
  return JSON.parse(body) as ResendEvent
}

/**
 * Told the key of the send a webhook event changed, once the event is applied: for modules that
 * keep their own record of what they sent (notices to institutions copy it onto their log).
 */
export type DeliveryObserver = (payload: Payload, sendKey: string) => Promise<void>

/** Whether a string anywhere in the value holds U+0000, which PostgreSQL's text and jsonb refuse. */
function holdsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000')
  if (Array.isArray(value)) return value.some(holdsNul)
  if (value && typeof value === 'object') {
    return Object.entries(value).some(([key, inner]) => key.includes('\u0000') || holdsNul(inner))
  }
  return false
}

/** POST /mail/webhooks/resend: verifies, records the event once, and applies it. */
export async function handleResendWebhook(
  payload: Payload,
  request: Request,
  observers: DeliveryObserver[] = [],
): Promise<Response> {
  const secret = process.env.RESEND_WEBHOOK_SECRET
  if (!secret) {
    return json(503, {
      error:
        'Webhooks are not configured: set RESEND_WEBHOOK_SECRET to the signing secret Resend shows for this endpoint.',
    })
  }
  const bytes = await readBodyUpTo(request, maxWebhookBytes)
  if (!bytes) return json(413, { error: `The event is larger than ${maxWebhookBytes} bytes.` })
  const body = Buffer.from(bytes).toString('utf8')
  let event: ResendEvent
  try {
    event = verifyWebhookSignature(secret, body, request.headers)
  } catch {
    return json(401, { error: 'The signature does not match or the event is too old; nothing was recorded.' })
  }
  const eventId = request.headers.get('svix-id') ?? ''
  if (typeof event?.type !== 'string') return json(400, { error: 'The event has no type.' })
  if (holdsNul(event)) {
    return json(400, { error: 'The event holds a NUL character, which cannot be stored; nothing was recorded.' })
  }
  const messageId = typeof event.data?.email_id === 'string' ? event.data.email_id : null
  const at = now()
  const inserted = await queryRows(
    payload,
    sql`INSERT INTO "mail_events" ("event_id", "type", "provider_message_id", "body", "updated_at", "created_at")
        VALUES (${eventId}, ${event.type}, ${messageId}, ${jsonValue(payload, event)}, ${at}, ${at})
        ON CONFLICT ("event_id") DO NOTHING RETURNING "id"`,
  )
  if (inserted.length === 0) {
    const [existing] = await queryRows<{ processed_at: unknown }>(
      payload,
      sql`SELECT "processed_at" FROM "mail_events" WHERE "event_id" = ${eventId}`,
    )
    if (existing?.processed_at) return json(200, { ok: true, duplicate: true })
  }
  const sendId = await applyEvent(payload, eventId, event)
  if (sendId !== undefined && observers.length > 0) {
    const [send] = await queryRows<{ key: string }>(payload, sql`SELECT "key" FROM "sends" WHERE "id" = ${sendId}`)
    for (const observe of observers) {
      // The event is recorded and applied whatever an observer does; their own sweeps catch up later.
      if (send)
        await observe(payload, send.key).catch((error) => payload.logger.error({ err: error }, 'observer failed'))
    }
  }
  return json(200, { ok: true, applied: sendId !== undefined })
}

/** Events that arrived before the worker recorded the message id are applied once it has. */
export async function applyPendingEvents(payload: SqlDatabase, messageIds: string[]): Promise<void> {
  if (messageIds.length === 0) return
  const rows = await queryRows<{ event_id: string; body: unknown }>(
    payload,
    sql`SELECT "event_id", "body" FROM "mail_events"
        WHERE "processed_at" IS NULL AND "provider_message_id" IN (${sql.join(
          messageIds.map((id) => sql`${id}`),
          sql`, `,
        )})`,
  )
  for (const row of rows) await applyEvent(payload, row.event_id, parseJson<ResendEvent>(row.body))
}

const rank: Record<string, number> = { queued: 0, sent: 1, delivered: 2, bounced: 3, complained: 3 }

/**
 * Applies one event; safe to repeat (statuses only move forward, suppression is an upsert).
 * Gives the send's id when the event was applied to one of its deliveries.
 */
async function applyEvent(payload: SqlDatabase, eventId: string, event: ResendEvent): Promise<number | undefined> {
  const messageId = event.data?.email_id
  const markProcessed = () =>
    execute(payload, sql`UPDATE "mail_events" SET "processed_at" = ${now()} WHERE "event_id" = ${eventId}`)
  const target = (() => {
    if (event.type === 'email.delivered') return 'delivered'
    if (event.type === 'email.complained') return 'complained'
    if (event.type === 'email.bounced' && event.data?.bounce?.type === 'Permanent') return 'bounced'
    return null
  })()
  if (!target || typeof messageId !== 'string') {
    await markProcessed()
    return undefined
  }
  const [delivery] = await queryRows<{ id: unknown; send_id: unknown; email: string; status: string }>(
    payload,
    sql`SELECT "id", "send_id", "email", "status" FROM "deliveries" WHERE "provider_message_id" = ${messageId} LIMIT 1`,
  )
  if (!delivery) return undefined // kept unprocessed: the worker applies it once it has recorded the id
  // Text only: a signed event is Resend's, but its fields are still read defensively.
  const bounceMessage = typeof event.data?.bounce?.message === 'string' ? event.data.bounce.message : undefined
  if ((rank[target] ?? 0) > (rank[delivery.status] ?? 0)) {
    // A bounce or complaint keeps the provider's words, for the records of whoever sent it.
    const error = target === 'delivered' ? null : (bounceMessage ?? event.type ?? target).slice(0, 500)
    await execute(
      payload,
      sql`UPDATE "deliveries" SET "status" = ${target}, "error" = ${error}, "updated_at" = ${now()} WHERE "id" = ${num(delivery.id)}`,
    )
  }
  if (target === 'bounced' || target === 'complained') {
    await suppress(payload, delivery.email, target, bounceMessage ?? event.type)
  }
  await recountSend(payload, num(delivery.send_id))
  await markProcessed()
  return num(delivery.send_id)
}

/**
 * Never mail this address again: records it in the suppression list, cancels what is still
 * planned for it, and ends its subscription with the reason.
 */
export async function suppress(
  payload: SqlDatabase,
  email: string,
  reason: 'bounced' | 'complained' | 'manual',
  detail = '',
): Promise<void> {
  const address = normalizeEmail(email)
  const at = now()
  await execute(
    payload,
    sql`INSERT INTO "suppressions" ("email", "reason", "detail", "updated_at", "created_at")
        VALUES (${address}, ${reason}, ${detail.slice(0, 500)}, ${at}, ${at}) ON CONFLICT ("email") DO NOTHING`,
  )
  await cancelPendingDeliveries(payload, { email: address }, `address ${reason}`)
  if (reason !== 'manual') {
    const ended = await queryRows<{ id: unknown }>(
      payload,
      sql`UPDATE "subscribers" SET "status" = 'ended', "end_reason" = ${reason}, "ended_at" = ${at}, "updated_at" = ${at}
          WHERE "email" = ${address} AND "status" <> 'ended' RETURNING "id"`,
    )
    if (ended.length > 0) payload.logger.info(`Subscription ${ended.map((r) => num(r.id)).join(', ')} ended: ${reason}`)
  }
}
