import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execute, queryRows, sql } from '../db/sql.ts'
import { paragraphsToLexical } from '../seed/lexical.ts'
import { planPublicationSends } from '../subscriptions/publication/planPublicationSends.ts'
import { publicationRecipientCounts } from '../subscriptions/publication/publicationRecipientCounts.ts'
import { createStaff, type StartedPayload, staffPassword, startPayload } from '../testing/payload.ts'
import { sendConfirmed } from './helpers/confirmed.ts'
import { httpClient } from './helpers/http.ts'

let started: StartedPayload
let payload: Payload
let topicId: number
let otherTopicId: number
const people: Record<string, number> = {}

type Message = { to: string; subject: string; text: string; html: string; headers: Record<string, string> }

async function messagesOf(sendKeyPrefix: string): Promise<Message[]> {
  const rows = await queryRows<{ payload: string }>(
    payload,
    sql`SELECT "d"."payload" FROM "deliveries" "d" JOIN "sends" "s" ON "s"."id" = "d"."send_id"
        WHERE "s"."key" LIKE ${`${sendKeyPrefix}%`} AND "d"."payload" IS NOT NULL ORDER BY "d"."email"`,
  )
  return rows.map((r) => JSON.parse(r.payload) as Message)
}

async function runEmailJobs() {
  await payload.jobs.run({ queue: 'email', limit: 20 })
  // The scheduled delivery job is off in tests; run it as the cron would.
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

beforeAll(async () => {
  started = await startPayload({
    env: {
      CMS_URL: 'https://cms.example.org',
      SITE_URL: 'https://press.example.org',
      MAIL_OUTBOX_DIR: mkdtempSync(path.join(os.tmpdir(), 'pressroom-outbox-')),
    },
  })
  payload = started.payload
  await payload.updateGlobal({
    slug: 'site-settings',
    locale: 'en',
    // E-mails go at once here; the grace period has its own tests (confirmation.test.ts).
    data: { organizationName: 'Bring them home alive', publicationEmailGraceSeconds: 0 },
  })
  await payload.updateGlobal({
    slug: 'site-settings',
    locale: 'ru',
    data: { organizationName: 'Вернём их домой живыми' },
  })
  topicId = (await payload.create({ collection: 'topics', data: { title: 'Exchanges', slug: 'exchanges' } })).id
  otherTopicId = (await payload.create({ collection: 'topics', data: { title: 'Visits', slug: 'visits' } })).id
  await subscriber('all-en@example.org', {})
  await subscriber('releases-ru@example.org', { languages: ['ru'], locale: 'ru', kinds: ['pressRelease'] })
  await subscriber('statements-only@example.org', { languages: ['en', 'ru'], kinds: ['statement'] })
  await subscriber('other-topic@example.org', { topics: [otherTopicId] })
  await subscriber('same-topic@example.org', { topics: [topicId, otherTopicId] })
  await subscriber('pending@example.org', { status: 'pending' })
  await subscriber('ended@example.org', { status: 'ended', endReason: 'unsubscribed' })
})

afterAll(async () => {
  await started?.stop()
})

async function publishRelease(title: string, extra: Record<string, unknown> = {}) {
  const doc = await payload.create({
    collection: 'press-releases',
    locale: 'en',
    data: {
      title,
      summary: 'What happened, in one sentence.',
      place: 'Moscow',
      date: '2026-03-01T00:00:00.000Z',
      body: paragraphsToLexical(['The first paragraph of the release.', 'A second <b>paragraph</b>.']),
      topics: [topicId],
      _status: 'published',
      ...extra,
    },
  })
  await payload.update({
    collection: 'press-releases',
    id: doc.id,
    locale: 'ru',
    data: { title: `${title} (рус.)`, body: paragraphsToLexical(['Первый абзац релиза.']), _status: 'published' },
  })
  return doc
}

describe('e-mailing publications', () => {
  it('publishing a press release sends it once per language to the matching subscribers', async () => {
    const release = await publishRelease('Families reunited')
    await runEmailJobs()
    const key = `publication:press-releases:${release.id}:`
    const en = await messagesOf(`${key}en`)
    const ru = await messagesOf(`${key}ru`)
    expect(en.map((m) => m.to)).toEqual(['all-en@example.org', 'same-topic@example.org'])
    expect(ru.map((m) => m.to)).toEqual(['releases-ru@example.org'])

    const fresh = await payload.findByID({ collection: 'press-releases', id: release.id })
    const message = en[0]!
    expect(message.subject).toBe(`Bring them home alive: Families reunited [${fresh.referenceNumber}]`)
    expect(message.text).toContain('The first paragraph of the release.')
    expect(message.text).toContain('Moscow, 1 March 2026')
    expect(message.text).toContain(`https://press.example.org/en/press-releases/${fresh.slug}/`)
    expect(message.html).toContain('<p>A second &lt;b&gt;paragraph&lt;/b&gt;.</p>')
    expect(message.headers['List-Unsubscribe']).toMatch(
      /^<https:\/\/cms\.example\.org\/subscriptions\/unsubscribe\?token=u\./,
    )
    expect(message.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click')
    expect(message.text).toMatch(/https:\/\/cms\.example\.org\/subscriptions\/preferences\?token=m\./)
    expect(ru[0]!.subject).toBe(`Вернём их домой живыми: Families reunited (рус.) [${fresh.referenceNumber}]`)
    // One press release is labelled with the singular, in the reader's language.
    expect(message.text.split('\n')[0]).toBe(`Press release · Reference number ${fresh.referenceNumber}`)
    expect(message.html).toContain('Press release')
    expect(`${message.text}${message.html}`).not.toContain('Press releases')
    expect(ru[0]!.text.split('\n')[0]).toBe(`Пресс-релиз · Регистрационный номер ${fresh.referenceNumber}`)
    expect(ru[0]!.html).toContain('Пресс-релиз')
    expect(`${ru[0]!.text}${ru[0]!.html}`).not.toContain('Пресс-релизы')

    const sends = await payload.find({ collection: 'sends', where: { key: { like: key } }, sort: 'key' })
    expect(sends.docs.map((s) => [s.status, s.planned, s.sent])).toEqual([
      ['done', 2, 2],
      ['done', 1, 1],
    ])

    // Saving the published release again sends nothing new.
    await payload.update({ collection: 'press-releases', id: release.id, locale: 'en', data: { summary: 'Edited.' } })
    await runEmailJobs()
    expect(await messagesOf(`${key}en`)).toHaveLength(2)
  })

  it('carries contacts, the PDF and press kit, credited images, notes to editors and the link to cite; tracks nothing (docs/adr/0047)', async () => {
    for (const [locale, notes] of [
      ['en', 'About us: a movement of families.\n\nPress office: +7 495 000-00-00.'],
      ['ru', 'О нас: движение семей.'],
    ] as const) {
      await payload.updateGlobal({ slug: 'site-settings', locale, data: { notesToEditors: notes } })
    }
    const contact = await payload.create({
      collection: 'press-contacts',
      locale: 'en',
      data: {
        name: 'Anna Petrova',
        role: 'Press secretary',
        email: 'anna@example.org',
        phone: '+7 (495) 123-45-67',
        languages: ['en', 'ru'],
      },
    })
    await payload.update({ collection: 'press-contacts', id: contact.id, locale: 'ru', data: { name: 'Анна Петрова' } })
    const photo = await sharp({ create: { width: 40, height: 20, channels: 3, background: '#405060' } })
      .jpeg()
      .toBuffer()
    const image = await payload.create({
      collection: 'media',
      locale: 'en',
      file: { data: photo, name: 'meeting.jpg', mimetype: 'image/jpeg', size: photo.length },
      data: { alt: 'The meeting', caption: 'Families at the meeting', credit: 'Ivan Sidorov', licence: 'CC BY 4.0' },
    })
    const release = await publishRelease('Extras attached', { pressContacts: [contact.id], media: [image.id] })
    await payload.create({
      collection: 'press-kits',
      locale: 'en',
      data: {
        title: 'Reunion kit',
        slug: 'reunion-kit',
        publications: [{ relationTo: 'press-releases', value: release.id }],
        _status: 'published',
      },
    })
    await runEmailJobs()
    const { referenceNumber: ref } = await payload.findByID({ collection: 'press-releases', id: release.id })
    const key = `publication:press-releases:${release.id}:`
    const [en] = await messagesOf(`${key}en`)
    const [ru] = await messagesOf(`${key}ru`)
    const site = 'https://press.example.org'
    const mediaFile = (await payload.findByID({ collection: 'media', id: image.id })).filename
    for (const part of [en!.html, en!.text]) {
      for (const expected of [
        `${site}/ref/${ref}/`,
        `${site}/en/${ref}-en.pdf`,
        `${site}/en/press-kits/reunion-kit/`,
        `${site}/en/reunion-kit-en.zip`,
        `${site}/media/${mediaFile}`,
        'Families at the meeting',
        'Credit: Ivan Sidorov',
        'Licence: CC BY 4.0',
        'Anna Petrova',
        'Press secretary',
        'anna@example.org',
        'Notes to editors',
        'About us: a movement of families.',
        'Press office: +7 495 000-00-00.',
      ]) {
        expect(part).toContain(expected)
      }
    }
    expect(en!.html).toContain('href="mailto:anna@example.org"')
    expect(en!.html).toContain('href="tel:+74951234567"')
    for (const expected of [
      `Ссылка для цитирования: ${site}/ref/${ref}/`,
      `${site}/ru/${ref}-ru.pdf`,
      `Пресс-кит: Reunion kit: ${site}/ru/press-kits/reunion-kit/`,
      'Автор: Ivan Sidorov',
      'Анна Петрова',
      'Примечания для редакций',
      'О нас: движение семей.',
    ]) {
      expect(ru!.text).toContain(expected)
    }
    expect(ru!.text).not.toContain('About us')

    // No tracking: no image at all (a remote image is a read receipt), and every link is the plain
    // address it names — the public site without a query, a mailto/tel, or the subscriber's own
    // management links on the CMS.
    for (const message of [en!, ru!]) {
      expect(message.html).not.toMatch(/<img\b/i)
      expect(message.html).not.toMatch(/url\(/i)
      const links = [...message.html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'))
      expect(links.length).toBeGreaterThan(8)
      for (const link of links) {
        const plain =
          (link.startsWith(`${site}/`) && !/[?#]/.test(link)) ||
          /^(mailto|tel):[^?]+$/.test(link) ||
          /^https:\/\/cms\.example\.org\/subscriptions\/(unsubscribe|preferences)\?token=[\w.-]+$/.test(link)
        expect(plain, link).toBe(true)
      }
    }
  })

  it('holds a release until its embargo ends', async () => {
    const embargoUntil = new Date(Date.now() + 2500).toISOString()
    const release = await publishRelease('Embargoed news', { embargoUntil })
    expect(await planPublicationSends(payload, { collection: 'press-releases', id: release.id })).toMatchObject({
      status: 'embargoed',
    })
    await runEmailJobs()
    expect(await messagesOf(`publication:press-releases:${release.id}:`)).toHaveLength(0)
    await new Promise((resolve) => setTimeout(resolve, Date.parse(embargoUntil) - Date.now() + 300))
    await runEmailJobs()
    expect((await messagesOf(`publication:press-releases:${release.id}:`)).map((m) => m.to)).toEqual([
      'all-en@example.org',
      'releases-ru@example.org',
      'same-topic@example.org',
    ])
  })

  it('lets editors send statements on demand and e-mail a correction to those who received the original', async () => {
    const http = httpClient(payload)
    const editor = await createStaff(payload, 'editor')
    const translator = await createStaff(payload, 'translator')
    const editorToken = await http.login(editor.email, staffPassword)
    const statement = await payload.create({
      collection: 'statements',
      locale: 'en',
      data: { title: 'On talks', body: paragraphsToLexical(['Talks continue.']), _status: 'published' },
    })
    await runEmailJobs()
    expect(await messagesOf(`publication:statements:${statement.id}:`)).toHaveLength(0)

    const body = { collection: 'statements', id: statement.id }
    expect((await http.post('/mail/send-publication', body)).status).toBe(403)
    const refused = await http.post('/mail/send-publication', body, {
      token: await http.login(translator.email, staffPassword),
    })
    expect(refused.status).toBe(403)
    expect(
      (await http.post('/mail/send-publication', { collection: 'users', id: 1 }, { token: editorToken })).status,
    ).toBe(400)
    expect(
      (await http.post('/mail/send-publication', { collection: 'statements', id: 'x' }, { token: editorToken })).status,
    ).toBe(400)

    const sent = await sendConfirmed(http, body, editorToken)
    expect(sent.status).toBe(201)
    expect(sent.json.message).toBe('Planned 2 e-mails in en.')
    const again = await sendConfirmed(http, body, editorToken)
    expect(again.status).toBe(200)
    expect(again.json.message).toBe('Already sent: nothing new was planned.')
    await runEmailJobs()
    expect((await messagesOf(`publication:statements:${statement.id}:en`)).map((m) => m.to)).toEqual([
      'all-en@example.org',
      'statements-only@example.org',
    ])

    const noNote = await http.post('/mail/send-publication', { ...body, correction: true }, { token: editorToken })
    expect(noNote.status).toBe(400)
    await payload.update({
      collection: 'statements',
      id: statement.id,
      locale: 'en',
      data: {
        changeNotes: [{ kind: 'correction', date: new Date().toISOString(), note: 'The date was wrong.' }],
        _status: 'published',
      },
    })
    // One of the original recipients has left meanwhile.
    await payload.update({
      collection: 'subscribers',
      id: people['statements-only@example.org']!,
      data: { status: 'ended' },
    })
    const correction = await sendConfirmed(http, { ...body, correction: true }, editorToken)
    expect(correction.status).toBe(201)
    await runEmailJobs()
    const corrected = await messagesOf(`correction:statements:${statement.id}:`)
    expect(corrected.map((m) => m.to)).toEqual(['all-en@example.org'])
    const { referenceNumber } = await payload.findByID({ collection: 'statements', id: statement.id })
    expect(corrected[0]!.subject).toBe(`Bring them home alive: Correction: On talks [${referenceNumber}]`)
    expect(corrected[0]!.text).toContain('The date was wrong.')
  })
})

describe('confirmation with counts and a grace period (docs/adr/0039)', () => {
  let http: ReturnType<typeof httpClient>
  let editorToken: string
  let editorId: number

  const setGrace = (seconds: number) =>
    payload.updateGlobal({ slug: 'site-settings', data: { publicationEmailGraceSeconds: seconds } })
  const sendsOf = (id: number) =>
    payload.find({ collection: 'sends', where: { key: { like: `publication:press-releases:${id}:` } }, sort: 'key' })
  /** What a worker started after the grace period sees: the hold over, without waiting for it. */
  const endGracePeriods = () =>
    queryRows(
      payload,
      sql`UPDATE "sends" SET "hold_until" = ${new Date(Date.now() - 1000).toISOString()} WHERE "status" = 'sending' RETURNING "id"`,
    )

  beforeAll(async () => {
    http = httpClient(payload)
    const editor = await createStaff(payload, 'editor')
    editorId = editor.id
    editorToken = await http.login(editor.email, staffPassword)
  })

  afterAll(() => setGrace(0))

  it('counts the subscribers per language, and refuses a send without the confirmation or with counts that changed', async () => {
    const release = await publishRelease('Counted before it goes')
    const draft = await http.get(`/mail/publication-recipients?collection=press-releases&id=${release.id}&draft=1`, {
      token: editorToken,
    })
    expect(draft.json).toMatchObject({ total: 3, byLanguage: { en: 2, ru: 1 }, alreadySent: [] })
    expect((await http.get(`/mail/publication-recipients?collection=press-releases&id=${release.id}`)).status).toBe(401)
    // A new, unsaved release: the form's topic and language.
    const unsaved = await http.get(
      `/mail/publication-recipients?collection=press-releases&id=0&draft=1&topics=${otherTopicId}&locale=ru`,
      { token: editorToken },
    )
    // Russian only: the English-only subscribers of that topic (or of all) are told so (docs/adr/0045).
    expect(unsaved.json).toMatchObject({ total: 4, byLanguage: { ru: 1 }, notices: { en: 3 } })

    const body = { collection: 'press-releases', id: release.id }
    const stray = await http.post('/mail/send-publication', body, { token: editorToken })
    expect(stray.status).toBe(400)
    expect(stray.json.message).toMatch(/^Confirm first/)
    const forged = await http.post(
      '/mail/send-publication',
      { ...body, confirmation: 'x'.repeat(32) },
      { token: editorToken },
    )
    expect(forged.status).toBe(409)
    const shown = await http.get(`/mail/publication-recipients?collection=press-releases&id=${release.id}`, {
      token: editorToken,
    })
    await subscriber('joined-meanwhile@example.org', {})
    const stale = await http.post(
      '/mail/send-publication',
      { ...body, confirmation: shown.json.confirmation },
      { token: editorToken },
    )
    expect(stale.status).toBe(409)
    expect(stale.json.counts).toMatchObject({ total: 4, byLanguage: { en: 3, ru: 1 } })
    expect((await sendsOf(release.id)).docs).toEqual([])

    // Confirmed, it plans exactly the counted recipients.
    const sent = await sendConfirmed(http, body, editorToken)
    expect(sent.status).toBe(201)
    expect(sent.json.sends.map((s: { planned: number }) => s.planned)).toEqual([3, 1])
    await payload.update({
      collection: 'subscribers',
      id: people['joined-meanwhile@example.org']!,
      data: { status: 'ended' },
    })
  })

  it('publication e-mails wait the grace period before the first message goes', async () => {
    await setGrace(600)
    const release = await publishRelease('Waits a moment')
    const due = Date.now()
    await runEmailJobs()
    await runEmailJobs()
    const held = (await sendsOf(release.id)).docs
    expect(held.map((s) => [s.status, s.planned])).toEqual([
      ['sending', 2],
      ['sending', 1],
    ])
    for (const send of held) expect(Date.parse(send.holdUntil!) - due).toBeGreaterThanOrEqual(599_000)
    expect(await messagesOf(`publication:press-releases:${release.id}:`)).toHaveLength(0)
    await endGracePeriods()
    await runEmailJobs()
    expect((await messagesOf(`publication:press-releases:${release.id}:`)).map((m) => m.to)).toEqual([
      'all-en@example.org',
      'releases-ru@example.org',
      'same-topic@example.org',
    ])
  })

  it('a send cancelled in its grace period sends nothing, stays cancelled, and only the button starts it again', async () => {
    await setGrace(600)
    const release = await publishRelease('Cancelled in time')
    await runEmailJobs()
    const listed = await http.get(`/mail/publication-sends?collection=press-releases&id=${release.id}`, {
      token: editorToken,
    })
    const en = listed.json.sends.find((s: { locale: string }) => s.locale === 'en')
    expect(en).toMatchObject({ status: 'sending', planned: 2 })
    expect(Date.parse(en.holdUntil)).toBeGreaterThan(Date.now() + 500_000)

    expect((await http.post(`/mail/sends/${en.id}/cancel`, {})).status).toBe(401)
    const cancelled = await http.post(`/mail/sends/${en.id}/cancel`, {}, { token: editorToken })
    expect(cancelled.status).toBe(200)
    expect((await http.post(`/mail/sends/${en.id}/cancel`, {}, { token: editorToken })).status).toBe(409)
    const record = await payload.findByID({ collection: 'sends', id: en.id, depth: 0 })
    expect(record).toMatchObject({ status: 'cancelled', cancelledBy: editorId, cancelled: 2 })
    expect(Date.parse(record.cancelledAt!)).toBeGreaterThan(Date.now() - 60_000)

    // The grace period ends, a worker runs (as after a restart), the release is saved again: en stays cancelled.
    await endGracePeriods()
    await payload.update({
      collection: 'press-releases',
      id: release.id,
      locale: 'en',
      data: { summary: 'Again.', _status: 'published' },
    })
    await runEmailJobs()
    await endGracePeriods()
    await runEmailJobs()
    expect((await messagesOf(`publication:press-releases:${release.id}:`)).map((m) => m.to)).toEqual([
      'releases-ru@example.org',
    ])
    const ru = (await sendsOf(release.id)).docs.find((s) => s.key.endsWith(':ru'))!
    expect((await http.post(`/mail/sends/${ru.id}/cancel`, {}, { token: editorToken })).status).toBe(409)

    // Staff start it again with the button (confirmed): a new send, the cancelled one kept aside.
    const counts = await http.get(`/mail/publication-recipients?collection=press-releases&id=${release.id}`, {
      token: editorToken,
    })
    expect(counts.json).toMatchObject({ total: 2, byLanguage: { en: 2 }, alreadySent: ['ru'] })
    const again = await sendConfirmed(http, { collection: 'press-releases', id: release.id }, editorToken)
    expect(again.status).toBe(201)
    expect(Date.parse(again.json.holdUntil)).toBeGreaterThan(Date.now() + 500_000)
    const keys = (
      await payload.find({
        collection: 'sends',
        where: { key: { like: `publication:press-releases:${release.id}:en` } },
      })
    ).docs.map((s) => [s.key, s.status])
    expect(keys).toEqual(
      expect.arrayContaining([
        [`publication:press-releases:${release.id}:en`, 'sending'],
        [`publication:press-releases:${release.id}:en:cancelled:${en.id}`, 'cancelled'],
      ]),
    )
    await endGracePeriods()
    await runEmailJobs()
    expect((await messagesOf(`publication:press-releases:${release.id}:en`)).map((m) => m.to)).toEqual([
      'all-en@example.org',
      'same-topic@example.org',
    ])
  })
})
describe('language-aware announcements (docs/adr/0045)', () => {
  // Their own topic and kind keep these subscribers out of the tests above; all-en@example.org
  // (every topic and kind, English) is the one subscriber of the tests above they share.
  const mine = (m: { to: string }) => m.to.endsWith('@lang.example.org')
  let langTopic: number

  /** Every message of one notice, whatever its send (per language, bilingual, notice), to these subscribers. */
  async function messagesAbout(id: number, keyPart = ''): Promise<(Message & { key: string })[]> {
    const rows = await queryRows<{ payload: string; key: string }>(
      payload,
      sql`SELECT "d"."payload", "s"."key" FROM "deliveries" "d" JOIN "sends" "s" ON "s"."id" = "d"."send_id"
          WHERE "s"."key" LIKE ${`%:notices:${id}:${keyPart}%`} AND "d"."payload" IS NOT NULL ORDER BY "d"."email", "s"."key"`,
    )
    return rows.map((r) => ({ ...(JSON.parse(r.payload) as Message), key: r.key })).filter(mine)
  }

  async function notice(title: string, languages: ('en' | 'ru')[]) {
    const data = (locale: 'en' | 'ru') => ({
      title: locale === 'en' ? title : `${title} (рус.)`,
      body: paragraphsToLexical([locale === 'en' ? 'The text.' : 'Текст.']),
      topics: [langTopic],
      _status: 'published' as const,
    })
    const [first, ...rest] = languages
    const doc = await payload.create({ collection: 'notices', locale: first, data: data(first!) })
    for (const locale of rest) await payload.update({ collection: 'notices', id: doc.id, locale, data: data(locale) })
    return doc
  }

  const plan = (id: number) => planPublicationSends(payload, { collection: 'notices', id })
  const counts = async (id: number) =>
    (await publicationRecipientCounts(payload, { collection: 'notices', id }))?.counts
  const grace = (seconds: number) =>
    payload.updateGlobal({ slug: 'site-settings', data: { publicationEmailGraceSeconds: seconds } })

  beforeAll(async () => {
    await grace(0)
    langTopic = (await payload.create({ collection: 'topics', data: { title: 'Languages', slug: 'languages' } })).id
    const topics = [langTopic]
    await subscriber('en-only@lang.example.org', { topics })
    await subscriber('ru-only@lang.example.org', { topics, languages: ['ru'], locale: 'ru' })
    await subscriber('ru-quiet@lang.example.org', { topics, languages: ['ru'], locale: 'ru', languageNotices: false })
    await subscriber('both-apart@lang.example.org', { topics, languages: ['en', 'ru'] })
    await subscriber('both-together@lang.example.org', { topics, languages: ['en', 'ru'], languageFormat: 'bilingual' })
  })

  it('tells a Russian-only subscriber, in Russian, of an English-only publication; the translation follows later', async () => {
    const doc = await notice('Talks resumed', ['en'])
    // English: three of these and all-en@example.org; the notice: one (the other switched them off).
    const counted = await counts(doc.id)
    expect(counted).toEqual({ total: 5, byLanguage: { en: 4 }, notices: { ru: 1 }, inDigests: 0 })
    const planned = await plan(doc.id)
    if (planned.status !== 'planned') throw new Error(planned.status)
    // The counts staff confirm are what is planned.
    expect(planned.sends.reduce((sum, s) => sum + s.planned, 0)).toBe(counted!.total)
    await runEmailJobs()

    const notices = await messagesAbout(doc.id, 'ru')
    expect(notices.map((m) => [m.to, m.key.split(':')[0]])).toEqual([['ru-only@lang.example.org', 'language-notice']])
    const told = notices[0]!
    const slug = (await payload.findByID({ collection: 'notices', id: doc.id })).slug
    expect(told.subject).toBe('Вернём их домой живыми: только на английском: Talks resumed')
    expect(told.text).toContain('на русском её (пока) нет')
    expect(told.text).toContain(`Читать на английском: https://press.example.org/en/notices/${slug}/`)
    expect(told.text).toMatch(/https:\/\/cms\.example\.org\/subscriptions\/preferences\?token=m\./)
    expect(told.headers['List-Unsubscribe']).toMatch(
      /^<https:\/\/cms\.example\.org\/subscriptions\/unsubscribe\?token=u\./,
    )
    expect(told.html).toContain('lang="ru"')

    await payload.update({
      collection: 'notices',
      id: doc.id,
      locale: 'ru',
      data: { title: 'Переговоры возобновлены', body: paragraphsToLexical(['Текст.']), _status: 'published' },
    })
    await plan(doc.id)
    await runEmailJobs()
    // The bilingual subscriber got English alone first, and now gets Russian alone; no second notice.
    const sent = (await messagesAbout(doc.id)).map((m) => `${m.to} ${m.key.split(':')[0]}:${m.key.split(':').at(-1)}`)
    expect(sent).toEqual([
      'both-apart@lang.example.org publication:en',
      'both-apart@lang.example.org publication:ru',
      'both-together@lang.example.org publication:en',
      'both-together@lang.example.org publication:ru',
      'en-only@lang.example.org publication:en',
      'ru-only@lang.example.org language-notice:ru',
      'ru-only@lang.example.org publication:ru',
      'ru-quiet@lang.example.org publication:ru',
    ])
  })

  it('sends no notice for a publication in both languages, and one e-mail to a bilingual subscriber', async () => {
    const doc = await notice('Families reunited', ['en', 'ru'])
    const counted = await counts(doc.id)
    expect(counted).toEqual({ total: 7, byLanguage: { en: 3, ru: 3 }, bilingual: { 'en+ru': 1 }, inDigests: 0 })
    const planned = await plan(doc.id)
    if (planned.status !== 'planned') throw new Error(planned.status)
    expect(planned.sends.reduce((sum, s) => sum + s.planned, 0)).toBe(counted!.total)
    // Repeating the plan adds nothing.
    const again = await plan(doc.id)
    expect(again.status === 'planned' && again.sends.every((s) => !s.created)).toBe(true)
    await runEmailJobs()

    const messages = await messagesAbout(doc.id)
    expect(messages.filter((m) => m.key.startsWith('language-notice'))).toEqual([])
    const together = messages.filter((m) => m.to === 'both-together@lang.example.org')
    expect(together).toHaveLength(1)
    const bilingual = together[0]!
    expect(bilingual.subject).toMatch(/^Bring them home alive: Families reunited \/ Families reunited \(рус\.\) \[/)
    expect(bilingual.text).toContain('The text.')
    expect(bilingual.text).toContain('Текст.')
    expect(bilingual.text).toMatch(
      /Unsubscribe \/ Отписаться: https:\/\/cms\.example\.org\/subscriptions\/unsubscribe\?token=u\./,
    )
    expect(bilingual.text.match(/\/subscriptions\/unsubscribe\?/g)).toHaveLength(1)
    expect(bilingual.html).toContain('lang="ru"')
    expect(messages.filter((m) => m.to === 'both-apart@lang.example.org')).toHaveLength(2)
    expect(messages.filter((m) => m.to === 'ru-only@lang.example.org')).toHaveLength(1)
  })

  it('leaves out exactly whom the bilingual e-mail holds, even when a crash lost the per-language sends', async () => {
    const doc = await notice('Exchange agreed', ['en', 'ru'])
    await plan(doc.id)
    // A crash after the bilingual send, before the per-language ones; meanwhile the subscriber changed format.
    const perLanguage = `publication:notices:${doc.id}:%`
    await execute(
      payload,
      sql`DELETE FROM "deliveries" WHERE "send_id" IN (SELECT "id" FROM "sends" WHERE "key" LIKE ${perLanguage})`,
    )
    await execute(payload, sql`DELETE FROM "sends" WHERE "key" LIKE ${perLanguage}`)
    const together = people['both-together@lang.example.org']!
    await payload.update({ collection: 'subscribers', id: together, data: { languageFormat: 'perLanguage' } })
    expect(await counts(doc.id)).toEqual({ total: 6, byLanguage: { en: 3, ru: 3 }, inDigests: 0 })
    await plan(doc.id)
    await runEmailJobs()
    const received = (await messagesAbout(doc.id)).filter((m) => m.to === 'both-together@lang.example.org')
    expect(received.map((m) => m.key)).toEqual([`bilingual:notices:${doc.id}:en+ru`])
    await payload.update({ collection: 'subscribers', id: together, data: { languageFormat: 'bilingual' } })
  })

  it('cancels a notice still in its grace period when the translation is published after all', async () => {
    await grace(600)
    try {
      const doc = await notice('Visit planned', ['en'])
      await plan(doc.id)
      await payload.update({
        collection: 'notices',
        id: doc.id,
        locale: 'ru',
        data: { title: 'Визит', body: paragraphsToLexical(['Текст.']), _status: 'published' },
      })
      await plan(doc.id)
      const sends = await payload.find({
        collection: 'sends',
        where: { key: { like: `:notices:${doc.id}:` } },
        sort: 'key',
      })
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
