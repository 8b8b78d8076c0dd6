import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'
import PostalMime from 'postal-mime'
import { beforeAll, describe, expect, it } from 'vitest'
import { queryRows, sql } from '../db/sql.ts'
import { type FakeResend, startFakeResend } from '../mail/testing/fakeResend.ts'
import { paragraphsToLexical } from '../seed/lexical.ts'
import { createStaff, type StaffUser, staffPassword, testDatabase } from '../testing/payload.ts'
import { payloadForFile } from '../testing/payloadForFile.ts'
import { advanceSendTests } from './helpers/advanceSends.ts'
import { createDispatchAs } from './helpers/dispatches.ts'
import { httpClient } from './helpers/http.ts'
import { pdfText } from './helpers/pdf.ts'

/**
 * Issue 15, items 1 and 2 (docs/adr/0038): staff preview the e-mails and the draft PDF a
 * publication and a dispatch would send, and send themselves a marked test through the real
 * transport (the local outbox, then a fake Resend on loopback), which is logged and counts as
 * no delivery anywhere.
 */
const outbox = mkdtempSync(path.join(os.tmpdir(), 'pressroom-test-send-outbox-'))
const cms = payloadForFile({
  staff: ['editor', 'translator'],
  env: { MAIL_OUTBOX_DIR: outbox, CMS_URL: 'https://cms.example.org', SITE_URL: 'https://press.example.org' },
})
let payload: Payload
let editor: StaffUser
let translator: StaffUser
const tokens: Record<string, string> = {}
let releaseId: number
let dispatchId: number
const http = () => httpClient(payload)
const publicationQuery = (locale: string) => `collection=press-releases&id=${releaseId}&locale=${locale}`

/** Rows that would show a test counted as a delivery, a send or a log entry. */
async function deliveryCounts() {
  const [row] = await queryRows<{ sends: number; deliveries: number; log: number }>(
    payload,
    sql`SELECT (SELECT COUNT(*) FROM "sends") AS "sends", (SELECT COUNT(*) FROM "deliveries") AS "deliveries",
        (SELECT COUNT(*) FROM "dispatch_recipients") AS "log"`,
  )
  return { sends: Number(row!.sends), deliveries: Number(row!.deliveries), log: Number(row!.log) }
}

const outboxFiles = () => readdirSync(outbox).filter((name) => name.endsWith('.eml'))

beforeAll(async () => {
  payload = cms.payload
  ;({ editor, translator } = cms.staff)
  for (const user of [editor, translator]) tokens[user.role!] = await http().login(user.email, staffPassword)
  // The preview composes the extras subscribers get (docs/adr/0047).
  await payload.updateGlobal({
    slug: 'site-settings',
    locale: 'en',
    data: { organizationName: 'Bring them home alive', notesToEditors: 'About the organization.' },
  })
  await payload.create({
    collection: 'subscribers',
    data: { email: 'reader@example.org', status: 'active', locale: 'en', tokenVersion: 1, languages: ['en', 'ru'] },
  })
  const release = await payload.create({
    collection: 'press-releases',
    locale: 'en',
    context: { disableMail: true },
    data: {
      title: 'Families reunited',
      date: '2026-03-01T00:00:00.000Z',
      body: paragraphsToLexical(['The published paragraph.']),
      _status: 'published',
    },
  })
  releaseId = release.id
  await payload.update({
    collection: 'press-releases',
    id: releaseId,
    locale: 'ru',
    context: { disableMail: true },
    data: { title: 'Семьи воссоединились', body: paragraphsToLexical(['Опубликованный абзац.']), _status: 'published' },
  })
  // The latest draft differs from the published version: previews show the draft.
  await payload.update({
    collection: 'press-releases',
    id: releaseId,
    locale: 'en',
    draft: true,
    data: {
      title: 'Families reunited (draft wording)',
      body: paragraphsToLexical(['A paragraph only the draft has.']),
    },
  })
  const notice = await payload.create({
    collection: 'notices',
    locale: 'en',
    data: {
      title: 'Notice on the mediation mission',
      body: paragraphsToLexical(['Notice text.']),
      _status: 'published',
    },
  })
  await payload.update({
    collection: 'notices',
    id: notice.id,
    locale: 'ru',
    data: { title: 'Уведомление о посреднической миссии', body: paragraphsToLexical(['Текст.']), _status: 'published' },
  })
  const recipient = (name: string, address: string, preferredLanguage: 'en' | 'ru') =>
    payload.create({
      collection: 'recipients',
      locale: 'en',
      data: { kind: 'embassy', name, country: 'DE', emails: [{ address }], preferredLanguage } as never,
    })
  const chosen = [
    await recipient('Embassy of Germany', 'embassy-de@example.org', 'en'),
    await recipient('Ministry of Foreign Affairs', 'mid@example.org', 'ru'),
  ]
  dispatchId = (await createDispatchAs(payload, editor, { notice: notice.id, recipients: chosen.map((r) => r.id) })).id
})

describe(`previews for staff (${testDatabase})`, () => {
  const previewPaths = () => [
    `/staff-preview/publication-email?${publicationQuery('en')}`,
    `/staff-preview/publication-pdf?${publicationQuery('en')}`,
    `/staff-preview/dispatch-email?id=${dispatchId}&locale=ru`,
  ]

  it('refuse anonymous requests with nothing of the document, and never let a cache keep an answer', async () => {
    for (const p of previewPaths()) {
      const res = await http().get(p)
      expect(res.status, p).toBe(401)
      expect(res.text).not.toMatch(/Families|Notice on|Уведомление|%PDF/)
    }
  })

  it('show the draft e-mail subscribers would receive, in each language, with sample links only', async () => {
    const res = await http().get(`/staff-preview/publication-email?${publicationQuery('en')}`, {
      token: tokens.translator,
    })
    expect(res.status).toBe(200)
    expect(res.json.locales).toEqual(['en', 'ru'])
    expect(res.json.subject).toContain('Families reunited (draft wording)')
    expect(res.json.text).toContain('A paragraph only the draft has.')
    expect(res.json.text).toContain('https://sample-link.invalid/unsubscribe')
    expect(res.json.html).not.toMatch(/token=|\{\{/)
    const { referenceNumber } = await payload.findByID({ collection: 'press-releases', id: releaseId })
    expect(res.json.text).toContain(`Cite as: https://press.example.org/ref/${referenceNumber}/`)
    expect(res.json.text).toContain(`https://press.example.org/en/${referenceNumber}-en.pdf`)
    expect(res.json.text).toContain('Notes to editors\n\nAbout the organization.')
    const ru = await http().get(`/staff-preview/publication-email?${publicationQuery('ru')}`, {
      token: tokens.translator,
    })
    expect(ru.json.subject).toContain('Семьи воссоединились')
  })

  it('show the bilingual e-mail and the notice of a publication in another language (docs/adr/0045)', async () => {
    const bilingual = await http().get(`/staff-preview/publication-email?${publicationQuery('en')}&variant=bilingual`, {
      token: tokens.translator,
    })
    expect(bilingual.status).toBe(200)
    expect(bilingual.json.subject).toMatch(/Families reunited \(draft wording\) \/ Семьи воссоединились/)
    expect(bilingual.json.text).toContain('Unsubscribe / Отписаться: https://sample-link.invalid/unsubscribe')
    const notice = await http().get(`/staff-preview/publication-email?${publicationQuery('ru')}&variant=notice`, {
      token: tokens.translator,
    })
    expect(notice.status).toBe(200)
    expect(notice.json.locale).toBe('ru')
    expect(notice.json.subject).toContain('только на английском: Families reunited (draft wording)')
    expect(notice.json.html).not.toMatch(/token=|\{\{/)
    expect((await http().get(`/staff-preview/publication-email?${publicationQuery('en')}&variant=notice`)).status).toBe(
      401,
    )
  })

  it('render the draft PDF edition with the code of published editions', async () => {
    const url = new URL(`http://localhost/api/staff-preview/publication-pdf?${publicationQuery('en')}`)
    const headers = { Authorization: `JWT ${tokens.translator}` }
    const handler = (await import('../testing/serveRest.ts')).restHandlers(payload).GET!
    const response = await handler(new Request(url, { headers }), {
      params: Promise.resolve({ slug: ['staff-preview', 'publication-pdf'] }),
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/pdf')
    expect(response.headers.get('cache-control')).toBe('private, no-store')
    expect(response.headers.get('x-robots-tag')).toContain('noindex')
    const text = await pdfText(new Uint8Array(await response.arrayBuffer()))
    expect(text).toContain('Families reunited (draft wording)')
    expect(text).toContain('A paragraph only the draft has.')
    expect(text).toMatch(/Cite as: https:\/\/press\.example\.org\/ref\/GC-PR-\d{4}-\d{3}\//)
  })

  it("show a dispatch's e-mail in each of its recipients' languages, to admins and editors only", async () => {
    expect(
      (await http().get(`/staff-preview/dispatch-email?id=${dispatchId}`, { token: tokens.translator })).status,
    ).toBe(403)
    const res = await http().get(`/staff-preview/dispatch-email?id=${dispatchId}&locale=ru`, { token: tokens.editor })
    expect(res.status).toBe(200)
    expect(res.json.locales).toEqual(['en', 'ru'])
    expect(res.json.subject).toContain('Уведомление о посреднической миссии')
    expect(res.json.text).toContain('Ministry of Foreign Affairs')
    expect(res.json.text).toContain('https://sample-link.invalid/acknowledge')
    expect(res.json.attachments).toEqual([expect.stringMatching(/\.pdf$/)])
  })
})

describe(`"Send a test to me" (${testDatabase})`, () => {
  it('sends the marked publication e-mail to the staff member alone through the outbox, logs it, counts nothing', async () => {
    const before = await deliveryCounts()
    const started = Date.now()
    const res = await http().post(
      '/test-send/publication',
      { collection: 'press-releases', id: releaseId, locale: 'en' },
      { token: tokens.translator },
    )
    expect(res.status, res.text).toBe(200)
    expect(res.json.to).toBe(translator.email)
    const files = outboxFiles()
    expect(files).toHaveLength(1)
    const email = await PostalMime.parse(readFileSync(path.join(outbox, files[0]!)))
    expect(email.to?.map((a) => a.address)).toEqual([translator.email])
    expect(email.subject).toMatch(/^\[TEST\] .*Families reunited \(draft wording\)/)
    expect(email.headers.find((h) => h.key === 'x-pressroom-test')?.value).toBe('1')
    expect(email.headers.some((h) => h.key === 'list-unsubscribe')).toBe(false)
    expect(email.text).toMatch(/^TEST: /)
    expect(email.html).toContain('TEST: ')
    expect(email.text).not.toMatch(/token=/)
    // The outbox dates each file when it is written, test sends included.
    expect(Math.abs(Date.parse(email.date!) - started)).toBeLessThan(60_000)
    const log = await payload.find({ collection: 'test-sends', where: { to: { equals: translator.email } } })
    expect(log.docs).toHaveLength(1)
    expect(log.docs[0]).toMatchObject({
      locale: 'en',
      sourceCollection: 'press-releases',
      sourceId: releaseId,
      transport: 'outbox',
      providerId: res.json.providerId,
    })
    expect(await deliveryCounts()).toEqual(before)
  })

  it('sends a dispatch test through the provider (fake Resend on loopback), in Russian, without touching the dispatch', async () => {
    const fake: FakeResend = await startFakeResend()
    Object.assign(process.env, { RESEND_API_KEY: 're_test_key', RESEND_BASE_URL: fake.url })
    try {
      const before = await deliveryCounts()
      expect(
        (await http().post('/test-send/dispatch', { id: dispatchId, locale: 'ru' }, { token: tokens.translator }))
          .status,
      ).toBe(403)
      const res = await http().post('/test-send/dispatch', { id: dispatchId, locale: 'ru' }, { token: tokens.editor })
      expect(res.status, res.text).toBe(200)
      expect(fake.accepted.map((m) => m.to)).toEqual([editor.email])
      const mail = fake.accepted[0]!
      expect(mail.subject).toMatch(/^\[ТЕСТ\] /)
      expect(mail.headers['X-Pressroom-Test']).toBe('1')
      expect(mail.text).toMatch(/^ТЕСТ: /)
      expect(mail.text).toContain('https://sample-link.invalid/acknowledge')
      expect(mail.attachments).toBe(1)
      const log = await payload.find({
        collection: 'test-sends',
        where: { sourceCollection: { equals: 'dispatches' } },
      })
      expect(log.docs.map((d) => [d.to, d.locale, d.transport, d.providerId])).toEqual([
        [editor.email, 'ru', 'resend', mail.id],
      ])
      expect(await deliveryCounts()).toEqual(before)
      const dispatch = await payload.findByID({ collection: 'dispatches', id: dispatchId, depth: 0 })
      expect(dispatch.status).toBe('draft')
    } finally {
      delete process.env.RESEND_API_KEY
      delete process.env.RESEND_BASE_URL
      await fake.stop()
    }
  })

  it('is rate-limited per staff member, and a translator sees only their own tests in the log', async () => {
    process.env.TEST_SEND_RATE_LIMIT = '3/60'
    const other = await createStaff(payload, 'editor')
    const token = await http().login(other.email, staffPassword)
    const send = () => http().post('/test-send/publication', { collection: 'press-releases', id: releaseId }, { token })
    const answers = []
    for (let i = 0; i < 4; i++) answers.push((await send()).status)
    expect(answers).toEqual([200, 200, 200, 429])
    const seen = await http().get('/test-sends?limit=50', { token: tokens.translator })
    expect(seen.json.docs.map((d: { to: string }) => d.to)).toEqual([translator.email])
  })
})

// Issue 16 part 1 (docs/adr/0043) on this file's Payload and outbox: no Payload of its own.
advanceSendTests(cms, outbox)
