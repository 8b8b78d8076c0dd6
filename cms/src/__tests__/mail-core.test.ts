import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { queryRows, sql } from '../db/sql.ts'
import {
  heldBatches,
  type MessageTemplate,
  planSend,
  providerBucket,
  type Recipient,
  runDeliveryWorker,
  TokenBucket,
} from '../mail/index.ts'
import { outboxTransport } from '../mail/outboxTransport.ts'
import { resendTransport } from '../mail/resendTransport.ts'
import { type FakeResend, startFakeResend } from '../mail/testing/fakeResend.ts'
import { cmsRoot } from '../paths.ts'
import { createStaff, type StartedPayload, staffPassword, startPayload } from '../testing/payload.ts'
import { httpClient } from './helpers/http.ts'
import { spawnTsxChild, type TsxChild } from './helpers/tsxChild.ts'

let started: StartedPayload
let payload: Payload
let fake: FakeResend
/** Two delivery workers in processes of their own, as two CMS processes on one database. */
let otherProcesses: TsxChild[] = []
/** Resend's default is 2 requests a second; plans may have more. */
const realisticRate = 5

const template: MessageTemplate = {
  from: 'Press room <press@example.org>',
  subject: 'Hello {{name}}',
  html: '<p>Hello {{name}}, <a href="{{unsubscribeUrl}}">unsubscribe</a></p>',
  text: 'Hello {{name}}. Unsubscribe: {{unsubscribeUrl}}',
  headers: { 'List-Unsubscribe': '<{{unsubscribeUrl}}>', 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
}

let sendCounter = 0
function recipients(count: number, prefix = 'r'): Recipient[] {
  return Array.from({ length: count }, (_, i) => ({
    key: `${prefix}:${i}`,
    email: `${prefix}${i}@example.org`,
    variables: { name: `N${i}`, unsubscribeUrl: `https://cms.example.org/u/${prefix}${i}` },
  }))
}

async function plan(list: Recipient[], extra: Partial<MessageTemplate> = {}) {
  sendCounter += 1
  return planSend(payload, {
    key: `test:${sendCounter}`,
    label: `Test send ${sendCounter}`,
    purpose: 'test',
    message: { ...template, ...extra },
    recipients: list,
  })
}

const fast = () => new TokenBucket(1000, 50)
const work = (options: Partial<Parameters<typeof runDeliveryWorker>[1]> = {}) =>
  runDeliveryWorker(payload, { transport: resendTransport('re_test_key'), bucket: fast(), leaseMs: 2000, ...options })

async function statuses(sendId: number) {
  const rows = await queryRows<{ status: string; n: unknown }>(
    payload,
    sql`SELECT "status", CAST(count(*) AS INTEGER) AS "n" FROM "deliveries" WHERE "send_id" = ${sendId} GROUP BY "status"`,
  )
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]))
}

const acceptedTo = (prefix: string) => fake.accepted.filter((a) => a.to.startsWith(prefix)).map((a) => a.to)

beforeAll(async () => {
  fake = await startFakeResend({ ratePerSecond: 1000 })
  started = await startPayload({ env: { RESEND_BASE_URL: fake.url } })
  payload = started.payload
  // Started now so that they are ready when their test comes; they wait for its signal.
  otherProcesses = ['a', 'b'].map((name) =>
    spawnTsxChild(path.join(cmsRoot, 'src/mail/testing/crashWorker.ts'), `worker ${name}`, {
      RESEND_API_KEY: 're_test_key',
      RESEND_RATE_LIMIT: String(realisticRate),
      MAIL_LEASE_SECONDS: '5',
      CRASH_AT: '',
      START_ON_SIGNAL: '1',
    }),
  )
})

afterAll(async () => {
  for (const w of otherProcesses) if (w.child.exitCode === null) w.child.kill('SIGKILL')
  await started?.stop()
  await fake?.stop()
})

beforeEach(() => {
  fake.options.faults = []
  fake.options.randomFaults = {}
  fake.options.ratePerSecond = 1000
  fake.options.latencyMs = 0
  fake.options.faultRetryAfterSeconds = undefined
})

describe('the fake Resend server', () => {
  const post = (body: unknown, key?: string, extra: Record<string, string> = {}) =>
    fetch(`${fake.url}/emails/batch`, {
      method: 'POST',
      headers: {
        Authorization: 'Bearer re_test_key',
        'Content-Type': 'application/json',
        ...(key ? { 'Idempotency-Key': key } : {}),
        ...extra,
      },
      body: JSON.stringify(body),
    })
  const email = (to: string) => ({ from: 'a@example.org', to: [to], subject: 's', text: 't' })

  it('replays an idempotent request, refuses a changed payload and a request in flight', async () => {
    const first = await (await post([email('fake-a@example.org')], 'fake-key-1')).json()
    const replay = await (await post([email('fake-a@example.org')], 'fake-key-1')).json()
    expect(replay).toEqual(first)
    expect(acceptedTo('fake-a@')).toHaveLength(1)
    const changed = await post([email('fake-b@example.org')], 'fake-key-1')
    expect(changed.status).toBe(409)
    expect((await changed.json()).name).toBe('invalid_idempotent_request')

    fake.options.latencyMs = 300
    const slow = post([email('fake-c@example.org')], 'fake-key-2')
    await new Promise((resolve) => setTimeout(resolve, 50))
    const concurrent = await post([email('fake-c@example.org')], 'fake-key-2')
    expect(concurrent.status).toBe(409)
    expect((await concurrent.json()).name).toBe('concurrent_idempotent_requests')
    expect((await slow).status).toBe(200)
  })

  it('limits batches to 100, rate-limits with retry-after, and reports invalid addresses one by one', async () => {
    const tooMany = await post(Array.from({ length: 101 }, (_, i) => email(`fake-many${i}@example.org`)))
    expect(tooMany.status).toBe(422)
    fake.options.ratePerSecond = 1
    await new Promise((resolve) => setTimeout(resolve, 1000))
    await post([email('fake-rate1@example.org')])
    const limited = await post([email('fake-rate2@example.org')])
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    fake.options.ratePerSecond = 1000
    await new Promise((resolve) => setTimeout(resolve, 1000))
    const partial = await post([email('fake-ok@example.org'), email('bad@nowhere.invalid')], undefined, {
      'x-batch-validation': 'permissive',
    })
    const body = await partial.json()
    expect(body.data).toHaveLength(1)
    expect(body.errors).toEqual([{ index: 1, message: 'Invalid `to` field.' }])
  })
})

describe('the delivery core', () => {
  it('sends every planned delivery exactly once, in batches of at most 100, with the exact stored payload', async () => {
    const { sendId, planned } = await plan(recipients(250, 'once'))
    expect(planned).toBe(250)
    const result = await work()
    expect(result.sent).toBe(250)
    const mailed = acceptedTo('once')
    expect(new Set(mailed).size).toBe(250)
    expect(mailed).toHaveLength(250)
    expect(await statuses(sendId)).toEqual({ sent: 250 })
    const batchSizes = fake.requests.filter((r) => r.count > 0 && r.key?.includes('-b')).map((r) => r.count)
    expect(Math.max(...batchSizes)).toBeLessThanOrEqual(100)

    const one = fake.accepted.find((a) => a.to === 'once7@example.org')!
    expect(one.subject).toBe('Hello N7')
    expect(one.headers['List-Unsubscribe']).toBe('<https://cms.example.org/u/once7>')
    expect(one.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click')
    const [row] = await queryRows<{ payload: string; provider_message_id: string }>(
      payload,
      sql`SELECT "payload", "provider_message_id" FROM "deliveries" WHERE "email" = 'once7@example.org'`,
    )
    expect(JSON.parse(row!.payload)).toMatchObject({ to: 'once7@example.org', subject: 'Hello N7', text: one.text })
    expect(row!.provider_message_id).toBe(one.id)
    const send = await payload.findByID({ collection: 'sends', id: sendId })
    expect(send).toMatchObject({ status: 'done', planned: 250, sent: 250 })
  })

  it('keeps subjects and headers on one line and escapes values in the HTML part; the batch still goes out', async () => {
    const hostile = 'Ann\r\nBcc: x@evil.example <script>alert("1")</script>'
    const list: Recipient[] = [
      {
        key: 'hostile:0',
        email: 'hostile0@example.org',
        variables: { name: hostile, unsubscribeUrl: 'https://x/u?a=1&b="2"' },
      },
      ...recipients(2, 'line'),
    ]
    const { sendId } = await plan(list, { subject: 'Hello\n{{name}}\r\nagain' })
    expect((await work()).sent).toBe(3)
    expect(await statuses(sendId)).toEqual({ sent: 3 })
    const one = fake.accepted.find((a) => a.to === 'hostile0@example.org')!
    expect(one.subject).toBe('Hello Ann Bcc: x@evil.example <script>alert("1")</script> again')
    expect(one.headers['List-Unsubscribe']).toBe('<https://x/u?a=1&b="2">')
    expect(one.html).toContain('Hello Ann\r\nBcc: x@evil.example &lt;script&gt;alert(&quot;1&quot;)&lt;/script&gt;,')
    expect(one.html).toContain('href="https://x/u?a=1&amp;b=&quot;2&quot;"')
    expect(one.html).not.toContain('<script')
    expect(one.text).toContain(hostile)
    expect(fake.accepted.find((a) => a.to === 'line1@example.org')!.subject).toBe('Hello N1 again')
  })

  it('planning again with the same key plans nothing; a recipient listed twice gets one row', async () => {
    const list = recipients(5, 'twice')
    const first = await plan([...list, list[0]!])
    expect(first.planned).toBe(5)
    const again = await planSend(payload, {
      key: `test:${sendCounter}`,
      label: 'x',
      purpose: 'test',
      message: template,
      recipients: list,
    })
    expect(again).toMatchObject({ created: false, sendId: first.sendId })
    await work()
    expect(acceptedTo('twice')).toHaveLength(5)
  })

  it('waits on 429 and retries server errors and lost answers with the same key and payload', async () => {
    await plan(recipients(300, 'flaky'))
    fake.options.faults = ['rate-limit', 'server-error', 'drop-after', 'drop-before', 'drop-after']
    const result = await work()
    expect(result.retries).toBeGreaterThanOrEqual(5)
    const mailed = acceptedTo('flaky')
    expect(mailed).toHaveLength(300)
    expect(new Set(mailed).size).toBe(300)
    // Every retried request repeated its key with the same body: no 409 on a changed payload.
    const keys = fake.requests.filter((r) => r.status === 409 && r.key?.startsWith('pressroom-'))
    expect(keys).toHaveLength(0)
  })

  it('records refused addresses as failed and sends the rest (permissive validation)', async () => {
    const list = recipients(3, 'partial')
    list.push({ key: 'partial:bad', email: 'someone@nowhere.invalid', variables: {} })
    const { sendId } = await plan(list)
    await work()
    expect(await statuses(sendId)).toEqual({ sent: 3, failed: 1 })
    const send = await payload.findByID({ collection: 'sends', id: sendId })
    expect(send).toMatchObject({ sent: 3, failed: 1, status: 'done' })
    const { deliveryStatuses } = await import('../mail/index.ts')
    const report = await deliveryStatuses(payload, `test:${sendCounter}`)
    expect(report.map((r) => [r.recipient, r.status])).toEqual([
      ['partial:0', 'sent'],
      ['partial:1', 'sent'],
      ['partial:2', 'sent'],
      ['partial:bad', 'failed'],
    ])
    expect(report[3]!.error).toBe('Invalid `to` field.')
    expect(report[0]!.providerMessageId).toBeTruthy()
  })

  it('does not mail a subscriber who unsubscribed mid-send, and holds a paused send', async () => {
    const subscribers = await Promise.all(
      [0, 1, 2].map((i) =>
        payload.create({
          collection: 'subscribers',
          data: { email: `mid${i}@example.org`, status: 'active', languages: ['en'], locale: 'en', tokenVersion: 1 },
        }),
      ),
    )
    const list: Recipient[] = [
      ...recipients(150, 'mid-other'),
      ...subscribers.map((s) => ({ key: `subscriber:${s.id}`, email: s.email, subscriber: s.id })),
    ]
    const { sendId } = await plan(list)
    await payload.update({ collection: 'sends', id: sendId, data: { paused: true } })
    expect((await work()).batches).toBe(0)
    const { cancelPendingDeliveries } = await import('../mail/index.ts')
    await cancelPendingDeliveries(payload, { subscriber: subscribers[1]!.id }, 'unsubscribed')
    await payload.update({ collection: 'sends', id: sendId, data: { paused: false } })
    await work()
    expect(
      fake.accepted
        .filter((a) => a.to.startsWith('mid') && !a.to.startsWith('mid-'))
        .map((a) => a.to)
        .sort(),
    ).toEqual(['mid0@example.org', 'mid2@example.org'])
    expect(await statuses(sendId)).toEqual({ sent: 152, cancelled: 1 })
  })

  it('two workers at once send everything once', async () => {
    fake.options.latencyMs = 30
    await plan(recipients(900, 'pair'))
    const [a, b] = await Promise.all([work({ owner: 'worker-a' }), work({ owner: 'worker-b' })])
    expect(a.batches).toBeGreaterThan(0)
    expect(b.batches).toBeGreaterThan(0)
    const mailed = acceptedTo('pair')
    expect(mailed).toHaveLength(900)
    expect(new Set(mailed).size).toBe(900)
  })

  it('respects the token bucket: 5 batches at 4 requests a second take at least a second', async () => {
    await plan(recipients(500, 'bucket'))
    const started = performance.now()
    await work({ bucket: new TokenBucket(4, 1) })
    expect(performance.now() - started).toBeGreaterThanOrEqual(950)
    expect(acceptedTo('bucket')).toHaveLength(500)
  })

  it('sends messages with attachments one by one (Resend batches take none), each once', async () => {
    const pdf = Buffer.from('%PDF-1.4 test').toString('base64')
    await plan(recipients(3, 'attach'), {
      attachments: [{ filename: 'notice.pdf', contentType: 'application/pdf', contentBase64: pdf }],
    })
    fake.options.faults = ['drop-after']
    await work()
    const mailed = fake.accepted.filter((a) => a.to.startsWith('attach'))
    expect(mailed.map((a) => a.to).sort()).toEqual([
      'attach0@example.org',
      'attach1@example.org',
      'attach2@example.org',
    ])
    expect(mailed.every((a) => a.attachments === 1)).toBe(true)
  })

  it('without Resend writes .eml files to the outbox, once per message even when repeated', async () => {
    const dir = path.join(started.uploadDir, '..', 'outbox')
    const transport = outboxTransport(dir)
    // The Date header has whole seconds: the run starts at the second it began in.
    const runStart = Math.floor(Date.now() / 1000) * 1000
    const { sendId } = await plan(recipients(3, 'outbox'))
    await runDeliveryWorker(payload, { transport, bucket: fast() })
    expect(await statuses(sendId)).toEqual({ sent: 3 })
    const files = readdirSync(dir).filter((f) => f.endsWith('.eml'))
    expect(files).toHaveLength(3)
    const eml = readFileSync(path.join(dir, files[0]!), 'utf8')
    expect(eml).toMatch(/^List-Unsubscribe: <https:\/\/cms\.example\.org\/u\/outbox\d>/m)
    expect(eml).toContain('Content-Type: multipart/alternative')
    // Mail programs sort by the Date header: it is the sending time, not 1 January 1970.
    for (const file of files) {
      const date = readFileSync(path.join(dir, file), 'utf8').match(/^Date: (.+)$/m)?.[1]
      expect(date, file).toBeDefined()
      const sentAt = Date.parse(date!)
      expect(sentAt, `${file}: Date: ${date}`).toBeGreaterThanOrEqual(runStart)
      expect(sentAt, `${file}: Date: ${date}`).toBeLessThanOrEqual(Date.now())
    }
    // The same batch again (a retry) rewrites the same files.
    const [batch] = await queryRows<{ idempotency_key: string }>(
      payload,
      sql`SELECT "idempotency_key" FROM "mail_batches" WHERE "send_id" = ${sendId}`,
    )
    await transport.sendBatch([{ ...template, to: 'outbox0@example.org' }], batch!.idempotency_key)
    expect(readdirSync(dir).filter((f) => f.endsWith('.eml'))).toHaveLength(3)
  })
})

describe("the provider's rate limit and idempotency window (docs/adr/0028)", () => {
  const rate = realisticRate
  /** The most requests the fake saw in any one second since `since` (429s included). */
  function busiestSecond(since: number): number {
    const times = fake.requests.filter((r) => r.at >= since).map((r) => r.at)
    return Math.max(0, ...times.map((at) => times.filter((t) => t > at - 1000 && t <= at).length))
  }

  it('two workers in two processes share the bucket in the database and together stay under the limit', async () => {
    fake.options.ratePerSecond = rate
    await plan(recipients(1200, 'shared'))
    const workers = otherProcesses
    await Promise.all(workers.map((w) => w.ready))
    // No request of an earlier test in the fake's last second.
    const quietFrom = (fake.requests.at(-1)?.at ?? 0) + 1000
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, quietFrom - Date.now())))
    const since = Date.now()
    for (const w of workers) w.child.kill('SIGUSR1')
    for (const w of workers) expect(await w.exited, w.output()).toBe('0')
    for (const w of workers) {
      const result = JSON.parse(/finished (.*)/.exec(w.output())![1]!) as { batches: number }
      expect(result.batches, 'each process sent some').toBeGreaterThan(0)
    }
    const mailed = acceptedTo('shared')
    expect(mailed).toHaveLength(1200)
    expect(new Set(mailed).size).toBe(1200)
    // This process only counts at the fake (no worker here delays its clock).
    const timeline = fake.requests
      .filter((r) => r.at >= since)
      .map((r) => `${r.at - since}:${r.status}`)
      .join(' ')
    // The turns are 1 / (0.9 × rate) apart (docs/adr/0028), so rate + 1 requests span 1.11 s and a
    // request may arrive ~110 ms late before the provider counts one too many in a second. On a
    // 2-core machine loaded far beyond its cores a request arrived later than that (CI, twice on
    // 2026-12-08, at 5 and at 2 a second): arrival times there measure the machine's scheduling,
    // not the limiter. What the limiter controls is checked: over the whole run the provider saw
    // at most the rate, never more than one request too many in a second, and at most one 429,
    // after which nobody sent before its retry-after ended (the drain); nothing lost (above).
    const seen = fake.requests.filter((r) => r.at >= since)
    const refused = seen.filter((r) => r.status === 429)
    expect(refused.length, timeline).toBeLessThanOrEqual(1)
    for (const r of refused) {
      // The fake says "retry after 1 s" (whole seconds, as Resend); the drain holds every worker.
      const next = seen.find((x) => x.at > r.at)
      if (next) expect(next.at - r.at, timeline).toBeGreaterThanOrEqual(900)
    }
    expect(busiestSecond(since), timeline).toBeLessThanOrEqual(rate + 1)
    const span = (seen.at(-1)!.at - seen[0]!.at) / 1000
    expect(seen.length - 1, timeline).toBeLessThanOrEqual(Math.ceil(span * rate))
  })

  it('a batch facing 12 429s in a row waits as told, is never failed, and is delivered exactly once', async () => {
    process.env.RESEND_RATE_LIMIT = '1000'
    const { sendId } = await plan(recipients(150, 'busy'))
    fake.options.faults = Array.from({ length: 12 }, () => 'rate-limit' as const)
    fake.options.faultRetryAfterSeconds = 0.05
    const started = performance.now()
    // More than the attempts one claim allows for other failures (8): those would leave the batch.
    const result = await work({ bucket: providerBucket(payload) })
    expect(result.retries).toBe(12)
    // Each 429 asked for 50 ms, and every worker waited it.
    expect(performance.now() - started).toBeGreaterThanOrEqual(12 * 50)
    const mailed = acceptedTo('busy')
    expect(mailed).toHaveLength(150)
    expect(new Set(mailed).size).toBe(150)
    expect(await statuses(sendId)).toEqual({ sent: 150 })
    delete process.env.RESEND_RATE_LIMIT
  })

  /** A batch whose answer never arrived, its first attempt moved back `hours` through the database. */
  async function unansweredBatch(prefix: string, fault: 'drop-after' | 'drop-before', hours: number) {
    const { sendId } = await plan(recipients(3, prefix))
    fake.options.faults = [fault]
    await work({ maxAttemptsPerClaim: 1 })
    const past = new Date(Date.now() - hours * 3_600_000).toISOString()
    const [batch] = await queryRows<{ id: unknown; idempotency_key: string }>(
      payload,
      sql`UPDATE "mail_batches" SET "first_attempt_at" = ${past}, "lease_until" = ${new Date(Date.now() - 1000).toISOString()}
          WHERE "send_id" = ${sendId} AND "first_attempt_at" IS NOT NULL RETURNING "id", "idempotency_key"`,
    )
    // The provider forgets keys after its window, as Resend does after 24 hours.
    fake.forgetIdempotencyKeys()
    return { sendId, batchId: Number(batch!.id), key: batch!.idempotency_key }
  }

  const batchRow = async (id: number) => payload.findByID({ collection: 'mail-batches', id, depth: 0 })

  it('a batch first tried more than 24 hours ago is held for staff, never sent blindly; giving up fails its rows', async () => {
    const { sendId, batchId, key } = await unansweredBatch('window', 'drop-after', 25)
    expect(acceptedTo('window')).toHaveLength(3)
    const result = await work()
    expect(result.held).toBe(1)
    expect(fake.requests.filter((r) => r.key === key)).toHaveLength(1)
    expect(acceptedTo('window')).toHaveLength(3)
    expect(await statuses(sendId)).toEqual({ queued: 3 })
    expect(await batchRow(batchId)).toMatchObject({ status: 'held', messages: 3 })
    const [held] = (await heldBatches(payload)).filter((b) => b.id === batchId)
    expect(held!.messages).toBe(3)
    expect(held!.lastError).toMatch(/no answer/)
    expect(Date.now() - new Date(held!.firstAttemptAt!).getTime()).toBeGreaterThan(24 * 3_600_000)
    // A held batch stays held run after run.
    expect((await work()).batches).toBe(0)

    const http = httpClient(payload)
    const translator = await http.login((await createStaff(payload, 'translator')).email, staffPassword)
    const editor = await createStaff(payload, 'editor')
    const token = await http.login(editor.email, staffPassword)
    expect((await http.post(`/mail-batches/${batchId}/give-up`)).status).toBe(401)
    expect((await http.post(`/mail-batches/${batchId}/give-up`, undefined, { token: translator })).status).toBe(403)
    expect((await http.post(`/mail-batches/${batchId}/give-up`, undefined, { token })).status).toBe(200)
    expect((await http.post(`/mail-batches/${batchId}/send-anyway`, undefined, { token })).status).toBe(409)
    expect(await statuses(sendId)).toEqual({ failed: 3 })
    expect(await batchRow(batchId)).toMatchObject({ status: 'failed', decision: 'give-up', decidedBy: editor.id })
    expect(await payload.findByID({ collection: 'sends', id: sendId })).toMatchObject({ status: 'done', failed: 3 })
    await work()
    expect(acceptedTo('window')).toHaveLength(3)
  })

  it('the window is a setting; "send anyway" sends a held batch once more, with a new first attempt', async () => {
    process.env.MAIL_IDEMPOTENCY_WINDOW_HOURS = '0.5'
    try {
      const { sendId, batchId } = await unansweredBatch('anyway', 'drop-before', 1)
      expect(acceptedTo('anyway')).toHaveLength(0)
      expect((await work()).held).toBe(1)
      const editor = await createStaff(payload, 'editor')
      const http = httpClient(payload)
      const token = await http.login(editor.email, staffPassword)
      expect((await http.post(`/mail-batches/${batchId}/send-anyway`, undefined, { token })).status).toBe(200)
      // As the mail job does, run after run (a loaded machine may end a run before the batch went).
      for (let run = 0; run < 3 && (await batchRow(batchId)).status !== 'sent'; run++) await work()
      const mailed = acceptedTo('anyway')
      expect(mailed).toHaveLength(3)
      expect(new Set(mailed).size).toBe(3)
      expect(await statuses(sendId)).toEqual({ sent: 3 })
      const batch = await batchRow(batchId)
      expect(batch).toMatchObject({ status: 'sent', decision: 'send-anyway' })
      expect(Date.now() - new Date(batch.firstAttemptAt!).getTime()).toBeLessThan(60_000)
    } finally {
      delete process.env.MAIL_IDEMPOTENCY_WINDOW_HOURS
    }
  })
})
