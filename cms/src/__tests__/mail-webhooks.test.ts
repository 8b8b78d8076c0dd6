import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows, sql } from '../db/sql.ts'
import { handleResendWebhook, planSend, runDeliveryWorker, TokenBucket } from '../mail/index.ts'
import { resendTransport } from '../mail/resendTransport.ts'
import { type FakeResend, startFakeResend } from '../mail/testing/fakeResend.ts'
import { type StartedPayload, startPayload } from '../testing/payload.ts'
import { signedWebhookRequest } from './helpers/resendWebhook.ts'

const secret = `whsec_${Buffer.from('a webhook signing secret for tests').toString('base64')}`
let started: StartedPayload
let payload: Payload
let fake: FakeResend

function signed(event: unknown, options: { id?: string; at?: Date; secret?: string } = {}) {
  return signedWebhookRequest(event, options.secret ?? secret, options)
}

const event = (type: string, emailId: string, extra: Record<string, unknown> = {}) => ({
  type,
  created_at: new Date().toISOString(),
  data: { email_id: emailId, to: ['x@example.org'], ...extra },
})

async function deliveryOf(email: string) {
  const [row] = await queryRows<{ status: string; provider_message_id: string; send_id: unknown }>(
    payload,
    sql`SELECT "status", "provider_message_id", "send_id" FROM "deliveries" WHERE "email" = ${email}`,
  )
  return row!
}

let counter = 0
async function sendTo(emails: string[], subscriber?: number) {
  counter += 1
  const { sendId } = await planSend(payload, {
    key: `webhook-test:${counter}`,
    label: 'Webhook test',
    purpose: 'test',
    message: { from: 'press@example.org', subject: 's', html: '<p>h</p>', text: 't' },
    recipients: emails.map((email) => ({ key: email, email, ...(subscriber ? { subscriber } : {}) })),
  })
  await runDeliveryWorker(payload, { transport: resendTransport('re_test_key'), bucket: new TokenBucket(1000, 10) })
  return sendId
}

beforeAll(async () => {
  fake = await startFakeResend({ ratePerSecond: 1000 })
  started = await startPayload({ env: { RESEND_BASE_URL: fake.url, RESEND_WEBHOOK_SECRET: secret } })
  payload = started.payload
})

afterAll(async () => {
  await started?.stop()
  await fake?.stop()
})

describe('Resend webhooks', () => {
  it('applies a properly signed event once, however often it is repeated', async () => {
    const sendId = await sendTo(['delivered@example.org', 'other@example.org'])
    const { provider_message_id: messageId } = await deliveryOf('delivered@example.org')
    const request = () => signed(event('email.delivered', messageId), { id: 'msg_delivered_1' })
    const first = await handleResendWebhook(payload, request())
    expect(first.status).toBe(200)
    expect(await first.json()).toEqual({ ok: true, applied: true })
    const repeat = await handleResendWebhook(payload, request())
    expect(await repeat.json()).toEqual({ ok: true, duplicate: true })
    expect((await deliveryOf('delivered@example.org')).status).toBe('delivered')
    const send = await payload.findByID({ collection: 'sends', id: sendId })
    expect(send).toMatchObject({ planned: 2, sent: 2, delivered: 1 })
    const events = await payload.count({ collection: 'mail-events', where: { eventId: { equals: 'msg_delivered_1' } } })
    expect(events.totalDocs).toBe(1)
  })

  it('refuses forged, wrongly signed and stale events and records nothing', async () => {
    await sendTo(['forged@example.org'])
    const { provider_message_id: messageId } = await deliveryOf('forged@example.org')
    const before = (await payload.count({ collection: 'mail-events' })).totalDocs
    const wrongSecret = signed(event('email.bounced', messageId, { bounce: { type: 'Permanent' } }), {
      secret: `whsec_${Buffer.from('somebody else').toString('base64')}`,
    })
    const stale = signed(event('email.bounced', messageId, { bounce: { type: 'Permanent' } }), {
      at: new Date(Date.now() - 10 * 60_000),
    })
    const good = signed(event('email.delivered', messageId))
    const tamperedBody = new Request(good.url, {
      method: 'POST',
      headers: good.headers,
      body: JSON.stringify(event('email.complained', messageId)),
    })
    const unsigned = new Request(good.url, {
      method: 'POST',
      body: JSON.stringify(event('email.complained', messageId)),
    })
    for (const request of [wrongSecret, stale, tamperedBody, unsigned]) {
      const res = await handleResendWebhook(payload, request)
      expect(res.status).toBe(401)
      expect((await res.json()).error).toMatch(/signature/)
    }
    const huge = await handleResendWebhook(
      payload,
      new Request(good.url, { method: 'POST', headers: good.headers, body: 'x'.repeat(300_000) }),
    )
    expect(huge.status).toBe(413)
    // Sent in chunks with no declared length: refused once past the limit, the rest never read.
    let sent = 0
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 64 * 1024
        controller.enqueue(new Uint8Array(64 * 1024).fill(120))
      },
    })
    const streamed = await handleResendWebhook(
      payload,
      new Request(good.url, { method: 'POST', headers: good.headers, body: endless, duplex: 'half' } as RequestInit),
    )
    expect(streamed.status).toBe(413)
    expect(sent).toBeLessThan(1024 * 1024)
    expect((await payload.count({ collection: 'mail-events' })).totalDocs).toBe(before)
    expect((await deliveryOf('forged@example.org')).status).toBe('sent')
    expect(
      await payload.count({ collection: 'suppressions', where: { email: { equals: 'forged@example.org' } } }),
    ).toMatchObject({
      totalDocs: 0,
    })
  })

  it('suppresses permanently bounced and complaining addresses and ends their subscriptions', async () => {
    const bouncer = await payload.create({
      collection: 'subscribers',
      data: { email: 'bouncer@example.org', status: 'active', languages: ['en'], locale: 'en', tokenVersion: 1 },
    })
    await sendTo(['bouncer@example.org'], bouncer.id)
    await sendTo(['complainer@example.org', 'soft@example.org'])
    const bounced = await deliveryOf('bouncer@example.org')
    const complained = await deliveryOf('complainer@example.org')
    const soft = await deliveryOf('soft@example.org')
    await handleResendWebhook(
      payload,
      signed(event('email.bounced', bounced.provider_message_id, { bounce: { type: 'Permanent' } })),
    )
    await handleResendWebhook(payload, signed(event('email.complained', complained.provider_message_id)))
    await handleResendWebhook(
      payload,
      signed(event('email.bounced', soft.provider_message_id, { bounce: { type: 'Transient' } })),
    )
    const suppressed = await payload.find({ collection: 'suppressions', sort: 'email', depth: 0 })
    expect(suppressed.docs.map((d) => [d.email, d.reason])).toEqual([
      ['bouncer@example.org', 'bounced'],
      ['complainer@example.org', 'complained'],
    ])
    expect(await payload.findByID({ collection: 'subscribers', id: bouncer.id })).toMatchObject({
      status: 'ended',
      endReason: 'bounced',
    })
    expect((await deliveryOf('soft@example.org')).status).toBe('sent')
    // A later send skips suppressed addresses.
    const accepted = fake.accepted.length
    const later = await sendTo(['bouncer@example.org', 'complainer@example.org', 'fine@example.org'])
    expect(fake.accepted.slice(accepted).map((a) => a.to)).toEqual(['fine@example.org'])
    expect(await payload.findByID({ collection: 'sends', id: later })).toMatchObject({
      planned: 3,
      sent: 1,
      cancelled: 2,
    })
  })

  it('keeps an event that arrives before its message id is recorded and applies it afterwards', async () => {
    await sendTo(['early@example.org'])
    const { provider_message_id: messageId } = await deliveryOf('early@example.org')
    // Simulate the race: the id is not recorded yet when the event comes.
    await queryRows(
      payload,
      sql`UPDATE "deliveries" SET "provider_message_id" = NULL WHERE "email" = 'early@example.org'`,
    )
    const res = await handleResendWebhook(payload, signed(event('email.delivered', messageId)))
    expect(await res.json()).toEqual({ ok: true, applied: false })
    await queryRows(
      payload,
      sql`UPDATE "deliveries" SET "provider_message_id" = ${messageId} WHERE "email" = 'early@example.org'`,
    )
    const { applyPendingEvents } = await import('../mail/webhooks.ts')
    await applyPendingEvents(payload, [messageId])
    expect((await deliveryOf('early@example.org')).status).toBe('delivered')
  })

  it('says how to configure it when the signing secret is missing', async () => {
    const saved = process.env.RESEND_WEBHOOK_SECRET
    delete process.env.RESEND_WEBHOOK_SECRET
    try {
      const res = await handleResendWebhook(payload, signed(event('email.delivered', 'x')))
      expect(res.status).toBe(503)
      expect((await res.json()).error).toContain('RESEND_WEBHOOK_SECRET')
    } finally {
      process.env.RESEND_WEBHOOK_SECRET = saved
    }
  })
})
