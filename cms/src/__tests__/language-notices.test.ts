import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execute, queryRows, sql } from '../db/sql.ts'
import { markPeerHeaderStamped, peerHeader } from '../http/peerAddress.ts'
import { paragraphsToLexical } from '../seed/lexical.ts'
import { exportSubscriberData } from '../subscriptions/exportSubscriberData.ts'
import { handleConfirm, handlePreferences, handleSubscribe } from '../subscriptions/http.ts'
import { planPublicationSends } from '../subscriptions/publication/planPublicationSends.ts'
import { publicationRecipientCounts } from '../subscriptions/publication/publicationRecipientCounts.ts'
import { signToken } from '../subscriptions/tokens.ts'
import { type StartedPayload, startPayload } from '../testing/payload.ts'

/** Language-aware announcements (docs/adr/0045): notices, bilingual e-mails, their preferences. */
let started: StartedPayload
let payload: Payload
const people: Record<string, number> = {}

type Message = { to: string; subject: string; text: string; html: string; headers: Record<string, string> }

/** Every message of one publication, whatever its send (per language, bilingual, notice). */
async function messagesAbout(id: number, keyPart = ''): Promise<(Message & { key: string })[]> {
  const rows = await queryRows<{ payload: string; key: string }>(
    payload,
    sql`SELECT "d"."payload", "s"."key" FROM "deliveries" "d" JOIN "sends" "s" ON "s"."id" = "d"."send_id"
        WHERE "s"."key" LIKE ${`%:press-releases:${id}:${keyPart}%`} AND "d"."payload" IS NOT NULL ORDER BY "d"."email", "s"."key"`,
  )
  return rows.map((r) => ({ ...(JSON.parse(r.payload) as Message), key: r.key }))
}

async function runEmailJobs() {
  await payload.jobs.run({ queue: 'email', limit: 20 })
  await payload.jobs.queue({ task: 'deliverMail', queue: 'email', input: {} })
  await payload.jobs.run({ queue: 'email', limit: 20 })
}

async function subscriber(email: string, data: Record<string, unknown>) {
  const created = await payload.create({
    collection: 'subscribers',
    data: { email, status: 'active', locale: 'en', tokenVersion: 1, languages: ['en'], ...data },
  })
  people[email] = created.id
}

async function release(title: string, languages: ('en' | 'ru')[], context: Record<string, unknown> = {}) {
  const data = (locale: 'en' | 'ru') => ({
    title: locale === 'en' ? title : `${title} (рус.)`,
    body: paragraphsToLexical([locale === 'en' ? 'The text.' : 'Текст.']),
    _status: 'published' as const,
  })
  const [first, ...rest] = languages
  const doc = await payload.create({ collection: 'press-releases', locale: first, data: data(first!), context })
  for (const locale of rest) await payload.update({ collection: 'press-releases', id: doc.id, locale, data: data(locale), context })
  return doc
}

const grace = (seconds: number) =>
  payload.updateGlobal({ slug: 'site-settings', locale: 'en', data: { publicationEmailGraceSeconds: seconds } })

async function call(handler: (p: Payload, r: Request) => Promise<Response>, method: string, url: string, form?: Record<string, string | string[]>) {
  markPeerHeaderStamped()
  const headers = new Headers({ [peerHeader]: '198.51.100.77', accept: 'application/json' })
  let body: string | undefined
  if (form) {
    const params = new URLSearchParams()
    for (const [key, value] of Object.entries(form)) for (const v of [value].flat()) params.append(key, v)
    body = params.toString()
    headers.set('content-type', 'application/x-www-form-urlencoded')
  }
  const response = await handler(payload, new Request(`https://cms.example.org${url}`, { method, headers, body }))
  const text = await response.text()
  return { status: response.status, text, json: JSON.parse(text) }
}

const stored = async (email: string) =>
  (await payload.find({ collection: 'subscribers', where: { email: { equals: email } }, depth: 0 })).docs[0]!

beforeAll(async () => {
  started = await startPayload({
    env: {
      CMS_URL: 'https://cms.example.org',
      SITE_URL: 'https://press.example.org',
      MAIL_OUTBOX_DIR: mkdtempSync(path.join(os.tmpdir(), 'pressroom-outbox-')),
    },
  })
  payload = started.payload
  await payload.updateGlobal({ slug: 'site-settings', locale: 'en', data: { organizationName: 'Home alive' } })
  await payload.updateGlobal({ slug: 'site-settings', locale: 'ru', data: { organizationName: 'Домой живыми' } })
  await grace(0)
  await subscriber('en-only@example.org', {})
  await subscriber('ru-only@example.org', { languages: ['ru'], locale: 'ru' })
  await subscriber('ru-quiet@example.org', { languages: ['ru'], locale: 'ru', languageNotices: false })
  await subscriber('both-apart@example.org', { languages: ['en', 'ru'] })
  await subscriber('both-together@example.org', { languages: ['en', 'ru'], languageFormat: 'bilingual' })
})

afterAll(async () => {
  await started?.stop()
})

describe('language-aware announcements', () => {
  it('tells a Russian-only subscriber, in Russian, of an English-only release; the translation follows later', async () => {
    const doc = await release('Talks resumed', ['en'], { disableMail: true })
    const counted = await publicationRecipientCounts(payload, { collection: 'press-releases', id: doc.id })
    expect(counted?.counts).toEqual({ total: 4, byLanguage: { en: 3 }, notices: { ru: 1 } })
    const plan = await planPublicationSends(payload, { collection: 'press-releases', id: doc.id })
    if (plan.status !== 'planned') throw new Error(plan.status)
    // The counts staff confirm are what is planned.
    expect(plan.sends.reduce((sum, s) => sum + s.planned, 0)).toBe(counted!.counts.total)
    await runEmailJobs()

    const notices = await messagesAbout(doc.id, 'ru')
    expect(notices.map((m) => [m.to, m.key.split(':')[0]])).toEqual([['ru-only@example.org', 'language-notice']])
    const notice = notices[0]!
    const slug = (await payload.findByID({ collection: 'press-releases', id: doc.id })).slug
    expect(notice.subject).toBe('Домой живыми: только на английском: Talks resumed')
    expect(notice.text).toContain('на русском её (пока) нет')
    expect(notice.text).toContain(`Читать на английском: https://press.example.org/en/press-releases/${slug}/`)
    expect(notice.text).toMatch(/https:\/\/cms\.example\.org\/subscriptions\/preferences\?token=m\./)
    expect(notice.headers['List-Unsubscribe']).toMatch(/^<https:\/\/cms\.example\.org\/subscriptions\/unsubscribe\?token=u\./)
    expect(notice.html).toContain('lang="ru"')

    await payload.update({
      collection: 'press-releases',
      id: doc.id,
      locale: 'ru',
      data: { title: 'Переговоры возобновлены', body: paragraphsToLexical(['Текст.']), _status: 'published' },
    })
    await runEmailJobs()
    // The bilingual subscriber got English alone first, and now gets Russian alone.
    expect((await messagesAbout(doc.id)).map((m) => `${m.to} ${m.key.split(':')[0]}:${m.key.split(':').at(-1)}`)).toEqual([
      'both-apart@example.org publication:en',
      'both-apart@example.org publication:ru',
      'both-together@example.org publication:en',
      'both-together@example.org publication:ru',
      'en-only@example.org publication:en',
      'ru-only@example.org language-notice:ru',
      'ru-only@example.org publication:ru',
      'ru-quiet@example.org publication:ru',
    ])
  })

  it('sends no notice for a release in both languages, and one e-mail to a bilingual subscriber', async () => {
    const doc = await release('Families reunited', ['en', 'ru'], { disableMail: true })
    const counted = await publicationRecipientCounts(payload, { collection: 'press-releases', id: doc.id })
    expect(counted?.counts).toEqual({ total: 6, byLanguage: { en: 2, ru: 3 }, bilingual: { 'en+ru': 1 } })
    const plan = await planPublicationSends(payload, { collection: 'press-releases', id: doc.id })
    if (plan.status !== 'planned') throw new Error(plan.status)
    expect(plan.sends.reduce((sum, s) => sum + s.planned, 0)).toBe(6)
    // Repeating the plan adds nothing.
    const again = await planPublicationSends(payload, { collection: 'press-releases', id: doc.id })
    expect(again.status === 'planned' && again.sends.every((s) => !s.created)).toBe(true)
    await runEmailJobs()

    const messages = await messagesAbout(doc.id)
    expect(messages.filter((m) => m.key.startsWith('language-notice'))).toEqual([])
    const together = messages.filter((m) => m.to === 'both-together@example.org')
    expect(together).toHaveLength(1)
    const bilingual = together[0]!
    expect(bilingual.subject).toMatch(/^Home alive: Families reunited \/ Families reunited \(рус\.\) \[/)
    expect(bilingual.text).toContain('The text.')
    expect(bilingual.text).toContain('Текст.')
    expect(bilingual.text).toMatch(/Unsubscribe \/ Отписаться: https:\/\/cms\.example\.org\/subscriptions\/unsubscribe\?token=u\./)
    expect(bilingual.text.match(/\/subscriptions\/unsubscribe\?/g)).toHaveLength(1)
    expect(bilingual.html).toContain('lang="ru"')
    expect(messages.filter((m) => m.to === 'both-apart@example.org')).toHaveLength(2)
    expect(messages.filter((m) => m.to === 'ru-only@example.org')).toHaveLength(1)
  })

  it('leaves out exactly whom the bilingual e-mail holds, even when a crash lost the per-language sends', async () => {
    const doc = await release('Exchange agreed', ['en', 'ru'], { disableMail: true })
    await planPublicationSends(payload, { collection: 'press-releases', id: doc.id })
    // A crash after the bilingual send, before the per-language ones; meanwhile the subscriber changed format.
    await execute(
      payload,
      sql`DELETE FROM "deliveries" WHERE "send_id" IN (SELECT "id" FROM "sends" WHERE "key" LIKE ${`publication:press-releases:${doc.id}:%`})`,
    )
    await execute(payload, sql`DELETE FROM "sends" WHERE "key" LIKE ${`publication:press-releases:${doc.id}:%`}`)
    await payload.update({ collection: 'subscribers', id: people['both-together@example.org']!, data: { languageFormat: 'perLanguage' } })
    const counted = await publicationRecipientCounts(payload, { collection: 'press-releases', id: doc.id })
    expect(counted?.counts).toEqual({ total: 5, byLanguage: { en: 2, ru: 3 } })
    await planPublicationSends(payload, { collection: 'press-releases', id: doc.id })
    await runEmailJobs()
    expect((await messagesAbout(doc.id)).filter((m) => m.to === 'both-together@example.org').map((m) => m.key)).toEqual([
      `bilingual:press-releases:${doc.id}:en+ru`,
    ])
    await payload.update({ collection: 'subscribers', id: people['both-together@example.org']!, data: { languageFormat: 'bilingual' } })
  })

  it('cancels a notice still in its grace period when the translation is published after all', async () => {
    await grace(600)
    try {
      const doc = await release('Visit planned', ['en'], { disableMail: true })
      await planPublicationSends(payload, { collection: 'press-releases', id: doc.id })
      await payload.update({
        collection: 'press-releases',
        id: doc.id,
        locale: 'ru',
        data: { title: 'Визит', body: paragraphsToLexical(['Текст.']), _status: 'published' },
        context: { disableMail: true },
      })
      await planPublicationSends(payload, { collection: 'press-releases', id: doc.id })
      const sends = await payload.find({ collection: 'sends', where: { key: { like: `:press-releases:${doc.id}:` } }, sort: 'key' })
      expect(sends.docs.map((s) => [s.key.split(':')[0], s.status])).toEqual([
        ['language-notice', 'cancelled'],
        ['publication', 'sending'],
        ['publication', 'sending'],
      ])
    } finally {
      await grace(0)
    }
  })
})

describe('language-aware preferences', () => {
  it('subscribes, confirms, changes and exports the choices; bad values are refused in the reader language', async () => {
    const refused = await call(handleSubscribe, 'POST', '/subscriptions/subscribe', {
      email: 'choices@example.org',
      locale: 'ru',
      languages: 'ru',
      languageNotices: 'maybe',
    })
    expect(refused.status).toBe(400)
    expect(refused.json).toMatchObject({ field: 'languageNotices' })
    expect(refused.json.error).toMatch(/^Выберите «on» или «off»/)
    expect((await payload.count({ collection: 'subscribers', where: { email: { equals: 'choices@example.org' } } })).totalDocs).toBe(0)

    const asked = await call(handleSubscribe, 'POST', '/subscriptions/subscribe', {
      email: 'choices@example.org',
      locale: 'ru',
      languages: ['en', 'ru'],
      languageNotices: 'off',
      languageFormat: 'bilingual',
    })
    expect(asked.status).toBe(200)
    const pending = await stored('choices@example.org')
    const confirm = signToken({ purpose: 'confirm', subscriber: pending.id, version: 1, expires: Date.now() + 60_000 })
    expect((await call(handleConfirm, 'POST', '/subscriptions/confirm', { token: confirm })).status).toBe(200)
    expect(await stored('choices@example.org')).toMatchObject({ languageNotices: false, languageFormat: 'bilingual' })

    const token = signToken({ purpose: 'manage', subscriber: pending.id, version: 1 })
    const page = await call(handlePreferences, 'GET', `/subscriptions/preferences?token=${token}`)
    expect(page.json).toMatchObject({ languageNotices: false, languageFormat: 'bilingual' })
    const html = await (
      await handlePreferences(payload, new Request(`https://cms.example.org/subscriptions/preferences?token=${token}`))
    ).text()
    expect(html).toContain('<input type="radio" name="languageFormat" value="bilingual" checked>')
    expect(html).toContain('<input type="radio" name="languageNotices" value="off" checked>')

    const bad = await call(handlePreferences, 'POST', '/subscriptions/preferences', {
      token,
      languages: ['ru'],
      languageFormat: 'weekly',
    })
    expect(bad.status).toBe(400)
    expect(bad.json.error).toMatch(/^Выберите отдельное письмо/)
    expect(await stored('choices@example.org')).toMatchObject({ languages: ['en', 'ru'], languageFormat: 'bilingual' })

    const saved = await call(handlePreferences, 'POST', '/subscriptions/preferences', {
      token,
      languages: ['ru'],
      languageNotices: 'on',
      languageFormat: 'perLanguage',
    })
    expect(saved.status).toBe(200)
    const after = await stored('choices@example.org')
    expect(after).toMatchObject({ languages: ['ru'], languageNotices: true, languageFormat: 'perLanguage' })
    // A form without the choices (an older client) keeps them.
    await call(handlePreferences, 'POST', '/subscriptions/preferences', { token, languages: ['en'] })
    expect(await stored('choices@example.org')).toMatchObject({ languageNotices: true, languageFormat: 'perLanguage' })
    expect(await exportSubscriberData(payload, await stored('choices@example.org'))).toMatchObject({
      languageNotices: true,
      languageFormat: 'perLanguage',
    })
  })
})
