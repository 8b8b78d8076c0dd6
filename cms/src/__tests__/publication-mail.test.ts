import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows, sql } from '../db/sql.ts'
import { paragraphsToLexical } from '../seed/lexical.ts'
import { planPublicationSends } from '../subscriptions/publication/planPublicationSends.ts'
import { createStaff, type StartedPayload, staffPassword, startPayload } from '../testing/payload.ts'
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
    data: { organizationName: 'Bring them home alive' },
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

    const sent = await http.post('/mail/send-publication', body, { token: editorToken })
    expect(sent.status).toBe(201)
    expect(sent.json.message).toBe('Planned 2 e-mails in en.')
    const again = await http.post('/mail/send-publication', body, { token: editorToken })
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
    const correction = await http.post('/mail/send-publication', { ...body, correction: true }, { token: editorToken })
    expect(correction.status).toBe(201)
    await runEmailJobs()
    const corrected = await messagesOf(`correction:statements:${statement.id}:`)
    expect(corrected.map((m) => m.to)).toEqual(['all-en@example.org'])
    const { referenceNumber } = await payload.findByID({ collection: 'statements', id: statement.id })
    expect(corrected[0]!.subject).toBe(`Bring them home alive: Correction: On talks [${referenceNumber}]`)
    expect(corrected[0]!.text).toContain('The date was wrong.')
  })
})
