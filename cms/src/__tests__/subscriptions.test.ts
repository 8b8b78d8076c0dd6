import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { privacyNoticeVersion } from '@pressroom/shared'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows, sql } from '../db/sql.ts'
import { markPeerHeaderStamped, peerHeader } from '../http/peerAddress.ts'
import { handleResendWebhook, runDeliveryWorker, TokenBucket } from '../mail/index.ts'
import { outboxTransport } from '../mail/outboxTransport.ts'
import type { Subscriber } from '../payload-types.ts'
import {
  handleConfirm,
  handleErase,
  handleExport,
  handlePreferences,
  handlePreflight,
  handleSubscribe,
  handleUnsubscribe,
} from '../subscriptions/http.ts'
import { forgetTopicCache } from '../subscriptions/knownTopics.ts'
import { planDueConfirmations } from '../subscriptions/planDueConfirmations.ts'
import { signToken } from '../subscriptions/tokens.ts'
import { createStaff, type StartedPayload, staffPassword, startPayload } from '../testing/payload.ts'
import { httpClient } from './helpers/http.ts'
import { signedWebhookRequest } from './helpers/resendWebhook.ts'

let started: StartedPayload
let payload: Payload
let outbox: string
const webhookSecret = `whsec_${Buffer.from('a webhook signing secret for tests').toString('base64')}`
const cms = 'https://cms.example.org'
const site = 'https://press.example.org'

type Handler = (payload: Payload, request: Request) => Promise<Response>
type CallOptions = {
  form?: Record<string, string | string[]>
  json?: unknown
  raw?: string
  type?: string
  headers?: Record<string, string>
  accept?: 'json'
}

let clientCounter = 0
/**
 * Each call comes from its own network address unless told otherwise, so the rate limit stays out
 * of the way: the peer header, as the CMS's server writes it (rate-limits.test.ts covers the HTTP side).
 */
async function call(handler: Handler, method: string, pathAndQuery: string, options: CallOptions = {}) {
  markPeerHeaderStamped()
  const headers = new Headers({ [peerHeader]: `198.51.100.${(clientCounter++ % 250) + 1}`, ...options.headers })
  if (options.accept === 'json') headers.set('accept', 'application/json')
  let body: string | undefined
  if (options.form) {
    const params = new URLSearchParams()
    for (const [key, value] of Object.entries(options.form)) {
      for (const v of Array.isArray(value) ? value : [value]) params.append(key, v)
    }
    body = params.toString()
    headers.set('content-type', 'application/x-www-form-urlencoded')
  } else if (options.json !== undefined) {
    body = JSON.stringify(options.json)
    headers.set('content-type', 'application/json')
  } else if (options.raw !== undefined) {
    body = options.raw
    headers.set('content-type', options.type ?? 'application/x-www-form-urlencoded')
  }
  const response = await handler(payload, new Request(`${cms}${pathAndQuery}`, { method, headers, body }))
  const text = await response.text()
  let json: any
  try {
    json = JSON.parse(text)
  } catch {}
  return { status: response.status, text, json, headers: response.headers }
}

const subscriberCount = async () => (await payload.count({ collection: 'subscribers' })).totalDocs
const findSubscriber = async (email: string) =>
  (await payload.find({ collection: 'subscribers', where: { email: { equals: email } }, depth: 0 })).docs[0]

async function deliverOutbox() {
  await planDueConfirmations(payload)
  await runDeliveryWorker(payload, { transport: outboxTransport(outbox), bucket: new TokenBucket(1000, 10) })
}

/** The last message stored for an address, as it was handed to the transport. */
async function lastMessage(email: string) {
  const rows = await queryRows<{ payload: string }>(
    payload,
    sql`SELECT "payload" FROM "deliveries" WHERE "email" = ${email} AND "payload" IS NOT NULL ORDER BY "id" DESC LIMIT 1`,
  )
  return rows[0] ? (JSON.parse(rows[0].payload) as { subject: string; text: string; html: string }) : undefined
}

const linkIn = (text: string, kind: string) =>
  new RegExp(`${cms}/subscriptions/${kind}\\?token=([\\w.-]+)`).exec(text)?.[1]

async function subscribeAndConfirm(email: string, form: Record<string, string | string[]> = {}): Promise<Subscriber> {
  await call(handleSubscribe, 'POST', '/subscriptions/subscribe', {
    form: { email, languages: ['en'], locale: 'en', website: '', ...form },
  })
  await deliverOutbox()
  const token = linkIn((await lastMessage(email))!.text, 'confirm')!
  await call(handleConfirm, 'POST', '/subscriptions/confirm', { form: { token } })
  return (await findSubscriber(email))!
}

beforeAll(async () => {
  outbox = mkdtempSync(path.join(os.tmpdir(), 'pressroom-outbox-'))
  started = await startPayload({
    env: {
      CMS_URL: cms,
      SITE_URL: site,
      SUBSCRIBE_RATE_LIMIT: '5/60',
      MAIL_OUTBOX_DIR: outbox,
      RESEND_WEBHOOK_SECRET: webhookSecret,
    },
  })
  payload = started.payload
  await payload.updateGlobal({
    slug: 'site-settings',
    locale: 'en',
    data: { organizationName: 'Bring them home alive', referencePrefix: 'GC' },
  })
  await payload.updateGlobal({
    slug: 'site-settings',
    locale: 'ru',
    data: { organizationName: 'Вернём их домой живыми' },
  })
  await payload.create({ collection: 'topics', locale: 'en', data: { title: 'Prisoner exchanges', slug: 'exchanges' } })
  forgetTopicCache()
})

afterAll(async () => {
  await started?.stop()
})

describe('subscribe', () => {
  it('accepts the site form and answers with a page in its language; nothing is sent before confirmation', async () => {
    const res = await call(handleSubscribe, 'POST', '/subscriptions/subscribe', {
      form: {
        email: '  Reporter@Example.ORG ',
        languages: ['en', 'ru'],
        kinds: 'pressRelease',
        topics: 'exchanges',
        locale: 'ru',
        website: '',
      },
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/html')
    expect(res.text).toContain('<html lang="ru">')
    expect(res.text).toContain('Проверьте почту')
    expect(res.text).not.toContain('<script')
    const subscriber = await findSubscriber('reporter@example.org')
    expect(subscriber).toMatchObject({ status: 'pending', locale: 'ru' })
    expect(subscriber?.requested).toEqual({
      languages: ['en', 'ru'],
      kinds: ['pressRelease'],
      topics: ['exchanges'],
      locale: 'ru',
      // The language-aware choices' defaults (docs/adr/0045).
      languageNotices: true,
      languageFormat: 'perLanguage',
    })
    // No raw IP address is stored anywhere in the row.
    expect(JSON.stringify(subscriber)).not.toMatch(/198\.51\.100\./)
  })

  it('answers JSON clients with JSON, and the same whether or not the address is known', async () => {
    const first = await call(handleSubscribe, 'POST', '/subscriptions/subscribe', {
      json: { email: 'known@example.org', languages: ['en'], locale: 'en' },
      accept: 'json',
    })
    const again = await call(handleSubscribe, 'POST', '/subscriptions/subscribe', {
      json: { email: 'known@example.org', languages: ['en'], locale: 'en' },
      accept: 'json',
    })
    const unknown = await call(handleSubscribe, 'POST', '/subscriptions/subscribe', {
      json: { email: 'stranger@example.org', languages: ['en'], locale: 'en' },
      accept: 'json',
    })
    expect(first.status).toBe(200)
    expect(first.json).toEqual({ ok: true, message: expect.stringContaining('confirmation link') })
    expect(again.text).toBe(first.text)
    expect(unknown.text).toBe(first.text)
  })

  it('refuses bad input with a clear message and writes nothing', async () => {
    const before = await subscriberCount()
    const cases: [CallOptions, number, RegExp][] = [
      [{ form: { email: 'not-an-address', languages: 'en' } }, 400, /valid e-mail address/],
      [{ form: { email: 'a@b', languages: 'en' } }, 400, /valid e-mail address/],
      [{ form: { email: ['one@example.org', 'two@example.org'], languages: 'en' } }, 400, /valid e-mail/],
      [{ form: { languages: 'en' } }, 400, /valid e-mail/],
      [{ form: { email: 'x@example.org', languages: 'de' } }, 400, /English, Russian or both/],
      [{ form: { email: 'x@example.org' } }, 400, /English, Russian or both/],
      [{ form: { email: 'x@example.org', languages: 'en', kinds: 'memo' } }, 400, /Unknown kind/],
      [{ form: { email: 'x@example.org', languages: 'en', topics: 'no-such-topic' } }, 400, /Unknown topic/],
      [{ form: { email: 'x@example.org', languages: 'en', locale: 'fr' } }, 400, /Unknown page language/],
      [{ raw: `email=x%40example.org&languages=en&website=&pad=${'x'.repeat(20_000)}` }, 413, /too large/],
      [{ raw: 'email=x@example.org', type: 'text/plain' }, 415, /application\/x-www-form-urlencoded/],
      [{ raw: '{"email": ', type: 'application/json' }, 400, /JSON/],
    ]
    for (const [options, status, message] of cases) {
      const html = await call(handleSubscribe, 'POST', '/subscriptions/subscribe', options)
      expect(html.status, JSON.stringify(options).slice(0, 80)).toBe(status)
      expect(html.text).toMatch(message)
      const json = await call(handleSubscribe, 'POST', '/subscriptions/subscribe', { ...options, accept: 'json' })
      expect(json.status).toBe(status)
      expect(json.json.ok).toBe(false)
    }
    expect(await subscriberCount()).toBe(before)
  })

  it('gives a bot that fills the honeypot the usual answer and stores nothing', async () => {
    const before = await subscriberCount()
    const res = await call(handleSubscribe, 'POST', '/subscriptions/subscribe', {
      form: { email: 'bot@example.org', languages: 'en', locale: 'en', website: 'http://spam.example' },
    })
    expect(res.status).toBe(200)
    expect(res.text).toContain('Check your inbox')
    expect(await subscriberCount()).toBe(before)
  })

  it('limits requests per client and says when to come back', async () => {
    const headers = { [peerHeader]: '203.0.113.77' }
    const statuses: number[] = []
    for (let i = 0; i < 7; i++) {
      const res = await call(handleSubscribe, 'POST', '/subscriptions/subscribe', {
        form: { email: `burst${i}@example.org`, languages: 'en' },
        headers,
      })
      statuses.push(res.status)
      if (res.status === 429) expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0)
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429])
    expect(await findSubscriber('burst6@example.org')).toBeUndefined()
  })

  it('lets the site origin call it from a browser (CORS) and nobody else', async () => {
    const ok = await call(handlePreflight, 'OPTIONS', '/subscriptions/subscribe', { headers: { origin: site } })
    expect(ok.status).toBe(204)
    expect(ok.headers.get('access-control-allow-origin')).toBe(site)
    const other = await call(handlePreflight, 'OPTIONS', '/subscriptions/subscribe', {
      headers: { origin: 'https://evil.example' },
    })
    expect(other.status).toBe(403)
    const post = await call(handleSubscribe, 'POST', '/subscriptions/subscribe', {
      json: { email: 'cors@example.org', languages: ['ru'] },
      headers: { origin: site },
      accept: 'json',
    })
    expect(post.headers.get('access-control-allow-origin')).toBe(site)
  })
})

describe('confirm', () => {
  it('mails a confirmation link; the link shows a button and only the button confirms', async () => {
    await call(handleSubscribe, 'POST', '/subscriptions/subscribe', {
      form: { email: 'confirm-me@example.org', languages: ['ru', 'en'], topics: 'exchanges', locale: 'ru' },
    })
    await deliverOutbox()
    const message = (await lastMessage('confirm-me@example.org'))!
    expect(message.subject).toBe('Вернём их домой живыми: подтвердите подписку')
    const token = linkIn(message.text, 'confirm')!
    expect(message.html).toContain(`${cms}/subscriptions/confirm?token=${token}`)

    // A link scanner's GET changes nothing.
    const page = await call(handleConfirm, 'GET', `/subscriptions/confirm?token=${token}`)
    expect(page.status).toBe(200)
    expect(page.text).toContain('<html lang="ru">')
    expect(page.text).toContain('<form method="post" action="/subscriptions/confirm">')
    expect(page.text).toContain('Prisoner exchanges')
    expect((await findSubscriber('confirm-me@example.org'))?.status).toBe('pending')
    // The site's frame: its name leads home in the page's language; the footer to its privacy notice.
    expect(page.text).toContain(`<a class="name" href="${site}/ru/">`)
    expect(page.text).toContain(`<a href="${site}/ru/privacy/">Политика конфиденциальности</a>`)

    const done = await call(handleConfirm, 'POST', '/subscriptions/confirm', { form: { token } })
    expect(done.status).toBe(200)
    expect(done.text).toContain('Подписка подтверждена')
    const subscriber = (await findSubscriber('confirm-me@example.org'))!
    expect(subscriber).toMatchObject({ status: 'active', languages: ['ru', 'en'], locale: 'ru', requested: null })
    // The version of the notice the site showed (shared/src/privacyNotice.ts, the notice's frontmatter).
    expect(subscriber.consent?.policyVersion).toBe(privacyNoticeVersion)
    expect(privacyNoticeVersion).toMatch(/^\d{4}-\d{2}/)
    expect(subscriber.consent?.text).toMatch(/Прошу Вернём их домой живыми присылать мне публикации.*английский/)
    expect(subscriber.consent?.at).toBeTruthy()

    const twice = await call(handleConfirm, 'POST', '/subscriptions/confirm', { form: { token }, accept: 'json' })
    expect(twice.json).toEqual({ ok: true, confirmed: false })
  })

  it('refuses tampered, foreign, expired and revoked tokens without writing', async () => {
    const subscriber = await subscribeAndConfirm('tokens@example.org')
    const good = signToken({ purpose: 'confirm', subscriber: subscriber.id, version: 1, expires: Date.now() + 60_000 })
    const tampered = `${good.slice(0, -2)}${good.endsWith('A') ? 'B' : 'A'}A`
    const other = signToken({
      purpose: 'confirm',
      subscriber: subscriber.id + 1,
      version: 1,
      expires: Date.now() + 60_000,
    })
    const forged = other.replace(
      /^c\.[^.]+/,
      good
        .split('.')
        .slice(0, 2)
        .join('.')
        .replace(/[^.]+$/, Buffer.from(`${subscriber.id + 1}:1:9999999999`).toString('base64url')),
    )
    const expired = signToken({ purpose: 'confirm', subscriber: subscriber.id, version: 1, expires: Date.now() - 1000 })
    const wrongPurpose = signToken({ purpose: 'unsubscribe', subscriber: subscriber.id, version: 1 })
    const revoked = signToken({
      purpose: 'confirm',
      subscriber: subscriber.id,
      version: 0,
      expires: Date.now() + 60_000,
    })
    const cases: [string, number][] = [
      [tampered, 400],
      [forged, 400],
      ['garbage', 400],
      ['', 400],
      [expired, 410],
      [wrongPurpose, 400],
      [revoked, 400],
    ]
    for (const [token, status] of cases) {
      const res = await call(handleConfirm, 'POST', '/subscriptions/confirm', { form: { token }, accept: 'json' })
      expect(res.status, token).toBe(status)
      expect(res.json.error).toMatch(/link/)
    }
    const html = await call(handleConfirm, 'GET', `/subscriptions/confirm?token=${encodeURIComponent(tampered)}`)
    expect(html.status).toBe(400)
    expect(html.text).toContain('This link is not valid')
    const unsubscribeTampered = await call(handleUnsubscribe, 'POST', `/subscriptions/unsubscribe?token=${tampered}`, {
      raw: 'List-Unsubscribe=One-Click',
    })
    expect(unsubscribeTampered.status).toBe(400)
    expect((await findSubscriber('tokens@example.org'))?.status).toBe('active')
  })
})

describe('preferences, unsubscribe, export and erase', () => {
  it('shows and changes preferences with the link from any e-mail; bad input changes nothing', async () => {
    const subscriber = await subscribeAndConfirm('prefs@example.org')
    const token = signToken({ purpose: 'manage', subscriber: subscriber.id, version: subscriber.tokenVersion })
    const page = await call(handlePreferences, 'GET', `/subscriptions/preferences?token=${token}`)
    expect(page.status).toBe(200)
    expect(page.text).toContain('<input type="checkbox" name="languages" value="en" checked>')
    expect(page.text).toContain('<input type="checkbox" name="languages" value="ru">')

    const saved = await call(handlePreferences, 'POST', '/subscriptions/preferences', {
      form: { token, languages: ['ru'], kinds: ['notice', 'statement'], topics: 'exchanges' },
    })
    expect(saved.status).toBe(200)
    expect(saved.text).toContain('Your preferences are saved.')
    const after = (await findSubscriber('prefs@example.org'))!
    expect(after).toMatchObject({ languages: ['ru'], kinds: ['notice', 'statement'] })
    expect(after.topics).toHaveLength(1)

    const bad = await call(handlePreferences, 'POST', '/subscriptions/preferences', {
      form: { token, languages: ['xx'] },
      accept: 'json',
    })
    expect(bad.status).toBe(400)
    expect((await findSubscriber('prefs@example.org'))?.languages).toEqual(['ru'])
  })

  it('unsubscribes with one click (RFC 8058), repeatably, and cancels what was still planned', async () => {
    const subscriber = await subscribeAndConfirm('leaver@example.org')
    const { planSend } = await import('../mail/index.ts')
    const { sendId } = await planSend(payload, {
      key: 'test:leaver',
      label: 'Leaver test',
      purpose: 'test',
      message: { from: 'a@example.org', subject: 's', html: 'h', text: 't' },
      recipients: [{ key: `subscriber:${subscriber.id}`, email: subscriber.email, subscriber: subscriber.id }],
    })
    const token = signToken({ purpose: 'unsubscribe', subscriber: subscriber.id, version: subscriber.tokenVersion })
    const page = await call(handleUnsubscribe, 'GET', `/subscriptions/unsubscribe?token=${token}`)
    expect(page.status).toBe(200)
    expect(page.text).toContain('<button type="submit">Unsubscribe</button>')
    expect((await findSubscriber('leaver@example.org'))?.status).toBe('active')

    for (let i = 0; i < 2; i++) {
      const res = await call(handleUnsubscribe, 'POST', `/subscriptions/unsubscribe?token=${token}`, {
        raw: 'List-Unsubscribe=One-Click',
      })
      expect(res.status).toBe(200)
    }
    expect(await findSubscriber('leaver@example.org')).toMatchObject({ status: 'ended', endReason: 'unsubscribed' })
    const send = await payload.findByID({ collection: 'sends', id: sendId })
    expect(send).toMatchObject({ planned: 1, cancelled: 1 })
  })

  it('exports a subscriber’s data and erases it on request; the links then stop working', async () => {
    await subscribeAndConfirm('stays@example.org')
    const subscriber = await subscribeAndConfirm('forget-me@example.org')
    const token = signToken({ purpose: 'manage', subscriber: subscriber.id, version: subscriber.tokenVersion })
    const exported = await call(handleExport, 'POST', '/subscriptions/export', { form: { token } })
    expect(exported.status).toBe(200)
    expect(exported.headers.get('content-disposition')).toContain('attachment')
    expect(exported.json).toMatchObject({ email: 'forget-me@example.org', status: 'active', languages: ['en'] })
    expect(exported.json.emails.length).toBeGreaterThan(0)

    // The provider reported on the confirmation e-mail: its event names the address (docs/adr/0031).
    const [confirmation] = await queryRows<{ provider_message_id: string }>(
      payload,
      sql`SELECT "provider_message_id" FROM "deliveries" WHERE "email" = 'forget-me@example.org' AND "provider_message_id" IS NOT NULL`,
    )
    const messageId = confirmation!.provider_message_id
    const reported = await handleResendWebhook(
      payload,
      signedWebhookRequest(
        { type: 'email.delivered', data: { email_id: messageId, to: ['Forget-Me@example.org'] } },
        webhookSecret,
      ),
    )
    expect(reported.status).toBe(200)
    const mentions = async () => {
      const events = await queryRows<{ body: unknown }>(payload, sql`SELECT "body" FROM "mail_events"`)
      return events.filter((e) => JSON.stringify(e.body).toLowerCase().includes('forget-me@example.org')).length
    }
    const outboxFilesFor = (email: string) =>
      readdirSync(outbox).filter((name) => readFileSync(path.join(outbox, name), 'utf8').includes(email))
    expect(await mentions()).toBe(1)
    const hers = outboxFilesFor('forget-me@example.org')
    expect(hers).toContain(`${messageId}.eml`)
    const othersBefore = readdirSync(outbox).length - hers.length
    expect(othersBefore).toBeGreaterThan(0)

    const erased = await call(handleErase, 'POST', '/subscriptions/erase', { form: { token } })
    expect(erased.status).toBe(200)
    expect(await mentions()).toBe(0)
    expect(outboxFilesFor('forget-me@example.org')).toEqual([])
    expect(readdirSync(outbox)).toHaveLength(othersBefore)
    expect(outboxFilesFor('stays@example.org').length).toBeGreaterThan(0)
    expect(await findSubscriber('forget-me@example.org')).toBeUndefined()
    const row = await payload.findByID({ collection: 'subscribers', id: subscriber.id })
    expect(row).toMatchObject({ status: 'ended', endReason: 'erased', languages: [] })
    expect(row.email).toMatch(/^erased-\d+@erased\.invalid$/)
    const deliveries = await queryRows<{ email: string; payload: unknown }>(
      payload,
      sql`SELECT "email", "payload" FROM "deliveries" WHERE "subscriber_id" = ${subscriber.id}`,
    )
    expect(deliveries.every((d) => d.email === row.email && d.payload === null)).toBe(true)
    const again = await call(handleExport, 'POST', '/subscriptions/export', { form: { token }, accept: 'json' })
    expect(again.status).toBe(400)
  })
})

describe('who may read subscription data', () => {
  it('anonymous REST and GraphQL cannot read subscribers, sends or deliveries; translators cannot either', async () => {
    const http = httpClient(payload)
    for (const collection of ['subscribers', 'sends', 'deliveries', 'mail-batches', 'mail-events', 'suppressions']) {
      expect((await http.get(`/${collection}`)).status, collection).toBe(403)
    }
    const gql = await http.graphql('{ Subscribers { docs { email } } Deliveries { docs { email } } }')
    expect(gql.json.data?.Subscribers ?? null).toBeNull()
    expect(JSON.stringify(gql.json.errors)).toMatch(/not allowed|Forbidden/i)

    const translator = await createStaff(payload, 'translator')
    const translatorToken = await http.login(translator.email, staffPassword)
    expect((await http.get('/subscribers', { token: translatorToken })).status).toBe(403)
    const editor = await createStaff(payload, 'editor')
    const editorToken = await http.login(editor.email, staffPassword)
    const list = await http.get('/subscribers', { token: editorToken })
    expect(list.status).toBe(200)
    expect(list.json.totalDocs).toBeGreaterThan(0)
    // Nobody creates subscribers through the API: only the public endpoints do.
    expect(
      (await http.post('/subscribers', { email: 'x@example.org', languages: ['en'] }, { token: editorToken })).status,
    ).toBe(403)
  })
})

describe('how often: each publication, or a digest (docs/adr/0046)', () => {
  it('is chosen on the subscribe form and the preferences page, exported, and refused when unknown', async () => {
    const subscriber = await subscribeAndConfirm('digest-reader@example.org', {
      languages: ['ru'],
      locale: 'ru',
      frequency: 'daily',
    })
    expect(subscriber.frequency).toBe('daily')
    const token = signToken({ purpose: 'manage', subscriber: subscriber.id, version: subscriber.tokenVersion })
    const page = await call(handlePreferences, 'GET', `/subscriptions/preferences?token=${token}`)
    expect(page.text).toContain('<input type="radio" name="frequency" value="daily" checked> Одна сводка в день')

    const saved = await call(handlePreferences, 'POST', '/subscriptions/preferences', {
      form: { token, languages: ['ru'], frequency: 'weekly' },
    })
    expect(saved.status).toBe(200)
    expect((await findSubscriber('digest-reader@example.org'))?.frequency).toBe('weekly')

    const bad = await call(handlePreferences, 'POST', '/subscriptions/preferences', {
      form: { token, languages: ['en'], frequency: 'hourly' },
    })
    expect(bad.status).toBe(400)
    expect(bad.text).toContain('Выберите, как часто')
    expect(await findSubscriber('digest-reader@example.org')).toMatchObject({ frequency: 'weekly', languages: ['ru'] })

    const exported = await call(handleExport, 'POST', '/subscriptions/export', { form: { token } })
    expect(exported.json).toMatchObject({ frequency: 'weekly' })

    const before = await subscriberCount()
    const refused = await call(handleSubscribe, 'POST', '/subscriptions/subscribe', {
      form: { email: 'never-written@example.org', languages: ['en'], locale: 'en', website: '', frequency: 'monthly' },
      accept: 'json',
    })
    expect(refused.status).toBe(400)
    expect(JSON.stringify(refused.json)).toContain('Choose how often')
    expect(await subscriberCount()).toBe(before)
  })
})

describe('language-aware preferences (docs/adr/0045)', () => {
  const stored = async (email: string) => (await findSubscriber(email))!
  const post = (handler: Handler, url: string, form: Record<string, string | string[]>) =>
    call(handler, 'POST', url, { form, accept: 'json' })

  it('subscribes, confirms, changes and exports the choices; bad values are refused in the reader language', async () => {
    const refused = await post(handleSubscribe, '/subscriptions/subscribe', {
      email: 'choices@example.org',
      locale: 'ru',
      languages: 'ru',
      languageNotices: 'maybe',
    })
    expect(refused.status).toBe(400)
    expect(refused.json).toMatchObject({ field: 'languageNotices' })
    expect(refused.json.error).toMatch(/^Выберите «on» или «off»/)
    expect(await findSubscriber('choices@example.org')).toBeUndefined()

    const asked = await post(handleSubscribe, '/subscriptions/subscribe', {
      email: 'choices@example.org',
      locale: 'ru',
      languages: ['en', 'ru'],
      languageNotices: 'off',
      languageFormat: 'bilingual',
    })
    expect(asked.status).toBe(200)
    const pending = await stored('choices@example.org')
    const confirm = signToken({ purpose: 'confirm', subscriber: pending.id, version: 1, expires: Date.now() + 60_000 })
    const shown = await call(handleConfirm, 'GET', `/subscriptions/confirm?token=${confirm}`)
    expect(shown.text).toContain('<dd>Одно письмо на всех моих языках</dd>')
    expect((await post(handleConfirm, '/subscriptions/confirm', { token: confirm })).status).toBe(200)
    expect(await stored('choices@example.org')).toMatchObject({ languageNotices: false, languageFormat: 'bilingual' })

    const token = signToken({ purpose: 'manage', subscriber: pending.id, version: 1 })
    const page = await call(handlePreferences, 'GET', `/subscriptions/preferences?token=${token}`)
    expect(page.text).toContain('<input type="radio" name="languageFormat" value="bilingual" checked>')
    expect(page.text).toContain('<input type="radio" name="languageNotices" value="off" checked>')

    const bad = await post(handlePreferences, '/subscriptions/preferences', {
      token,
      languages: ['ru'],
      languageFormat: 'weekly',
    })
    expect(bad.status).toBe(400)
    expect(bad.json.error).toMatch(/^Выберите отдельное письмо/)
    expect(await stored('choices@example.org')).toMatchObject({ languages: ['en', 'ru'], languageFormat: 'bilingual' })

    const saved = await post(handlePreferences, '/subscriptions/preferences', {
      token,
      languages: ['ru'],
      languageNotices: 'on',
      languageFormat: 'perLanguage',
    })
    expect(saved.status).toBe(200)
    expect(saved.json).toMatchObject({ languageNotices: true, languageFormat: 'perLanguage' })
    expect(await stored('choices@example.org')).toMatchObject({
      languages: ['ru'],
      languageNotices: true,
      languageFormat: 'perLanguage',
    })
    // A choice the form leaves out (an older client) keeps its value.
    await post(handlePreferences, '/subscriptions/preferences', { token, languages: ['en'], languageNotices: 'off' })
    expect(await stored('choices@example.org')).toMatchObject({ languageNotices: false, languageFormat: 'perLanguage' })
    const exported = await call(handleExport, 'POST', '/subscriptions/export', { form: { token } })
    expect(JSON.parse(exported.text)).toMatchObject({ languageNotices: false, languageFormat: 'perLanguage' })
  })
})
