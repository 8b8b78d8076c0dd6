import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows, sql } from '../db/sql.ts'
import { handleResendWebhook } from '../mail/index.ts'
import { type AcceptedEmail, type FakeResend, startFakeResend } from '../mail/testing/fakeResend.ts'
import { acknowledgementHandlers } from '../notices/acknowledgement/handlers.ts'
import { planDispatch } from '../notices/dispatch/planDispatch.ts'
import { sendNoticeEmails } from '../notices/dispatch/sendNoticeEmails.ts'
import { noticeDeliveryObserver, syncNoticeDeliveries } from '../notices/dispatch/syncNoticeDeliveries.ts'
import type { DispatchRecipient } from '../payload-types.ts'
import { seed } from '../seed/index.ts'
import { paragraphsToLexical } from '../seed/lexical.ts'
import { exampleGroupName, exampleNoticeSlug } from '../seed/noticeExamples.ts'
import {
  createStaff,
  type StaffUser,
  type StartedPayload,
  staffPassword,
  startPayload,
  testDatabase,
} from '../testing/payload.ts'
import { planConfirmed } from './helpers/confirmed.ts'
import { crashCheckpoints, randomInt, spawnCrashWorker } from './helpers/crashWorker.ts'
import { createDispatchAs, dispatchLog } from './helpers/dispatches.ts'
import { httpClient } from './helpers/http.ts'
import { pdfText } from './helpers/pdf.ts'
import { signedWebhookRequest } from './helpers/resendWebhook.ts'

/**
 * Issue 6, phase 2: notices go out by e-mail through the delivery core (fake Resend on
 * loopback), one message per address in the recipient's language with the PDF edition, and the
 * outcome comes back onto the dispatch log.
 */
const webhookSecret = `whsec_${Buffer.from('notice webhook secret for the tests').toString('base64')}`
const crashRuns = Number(process.env.NOTICE_CRASH_RUNS ?? 10)

let started: StartedPayload
let payload: Payload
let fake: FakeResend
let editor: StaffUser
let editorToken: string
let groupId: number
let noticeId: number
let reference: string
const org = { en: 'Global Citizens — Bring them home alive', ru: 'Global Citizens — «Вернём их домой живыми»' }

/** Runs the `deliverMail` job as the cron does (the configured task: worker, then the log sync). */
async function runMailJob() {
  await payload.jobs.queue({ task: 'deliverMail', queue: 'email', input: {} })
  await payload.jobs.run({ queue: 'email', limit: 5 })
}

const logRows = (dispatchId: number) => dispatchLog(payload, dispatchId, 'id')

const dispatchStatus = async (id: number) => (await payload.findByID({ collection: 'dispatches', id, depth: 0 })).status

const newDispatch = (data: Record<string, unknown>) => createDispatchAs(payload, editor, data)

const mailsTo = (address: string) => fake.accepted.filter((m) => m.to === address)
const attachmentText = (mail: AcceptedEmail) => pdfText(new Uint8Array(Buffer.from(mail.files[0]!.content, 'base64')))
const tokenIn = (mail: AcceptedEmail) => /\/acknowledge\/(\d+\.[A-Za-z0-9_-]{43})/.exec(mail.text)?.[1]

function signedEvent(type: string, emailId: string, extra: Record<string, unknown> = {}) {
  const event = { type, created_at: new Date().toISOString(), data: { email_id: emailId, ...extra } }
  return signedWebhookRequest(event, webhookSecret)
}

/** The provider message id of the delivery of `address` in the row's current send. */
async function messageIdOf(row: DispatchRecipient, address: string): Promise<string> {
  const [found] = await queryRows<{ provider_message_id: string }>(
    payload,
    sql`SELECT "d"."provider_message_id" FROM "deliveries" "d" JOIN "sends" "s" ON "s"."id" = "d"."send_id"
        WHERE "s"."key" = ${row.mailDeliveryKey} AND "d"."email" = ${address}`,
  )
  return found!.provider_message_id
}

beforeAll(async () => {
  // Realistic limits: Resend allows 2 requests a second by default, more on some plans; each
  // notice with its PDF is a request of its own.
  fake = await startFakeResend({ ratePerSecond: 5 })
  started = await startPayload({
    env: {
      RESEND_BASE_URL: fake.url,
      RESEND_API_KEY: 're_test_key',
      RESEND_RATE_LIMIT: '5',
      RESEND_WEBHOOK_SECRET: webhookSecret,
      CMS_URL: 'https://cms.example.org',
      SITE_URL: 'https://press.example.org',
    },
  })
  payload = started.payload
  await seed(payload, { adminPassword: staffPassword })
  editor = await createStaff(payload, 'editor')
  editorToken = await httpClient(payload).login(editor.email, staffPassword)
  const group = await payload.find({
    collection: 'distribution-groups',
    where: { name: { equals: exampleGroupName } },
    locale: 'en',
    depth: 0,
  })
  groupId = group.docs[0]!.id
  const notice = await payload.find({ collection: 'notices', where: { slug: { equals: exampleNoticeSlug } }, depth: 0 })
  noticeId = notice.docs[0]!.id
  reference = notice.docs[0]!.referenceNumber!
  // A fourth member like the seeded ones: Russian, two addresses.
  const fourth = await payload.create({
    collection: 'recipients',
    locale: 'en',
    data: {
      kind: 'ministry',
      name: 'Ministry with two desks (test)',
      country: 'RU',
      emails: [{ address: 'desk-one@example.org' }, { address: 'desk-two@example.org' }],
      preferredLanguage: 'ru',
      preferredChannels: ['email'],
      groups: [groupId],
    },
  })
  await payload.update({
    collection: 'recipients',
    id: fourth.id,
    locale: 'ru',
    data: { name: 'Министерство «два отдела» <script>alert("тест")</script>' },
  })
  // A draft change on the published notice must never reach an e-mail or its PDF.
  await payload.update({
    collection: 'notices',
    id: noticeId,
    locale: 'en',
    draft: true,
    data: { title: 'UNPUBLISHED DRAFT TITLE', _status: 'draft' },
  })
})

afterAll(async () => {
  await started?.stop()
  await fake?.stop()
})

describe(`sending a notice by e-mail (${testDatabase})`, () => {
  let dispatchId: number
  let rows: DispatchRecipient[]
  const byAddress = (address: string) => rows.find((r) => r.emailAddresses?.includes(address))!

  it('staff save a dispatch the way the admin does (fallback-locale=null); unknown locales stay refused', async () => {
    const http = httpClient(payload)
    const saved = await http.post(
      '/dispatches?depth=0&fallback-locale=null&locale=en',
      { notice: noticeId, groups: [groupId] },
      { token: editorToken },
    )
    expect(saved.status).toBe(201)
    const refused = await http.post(
      '/dispatches?fallback-locale=xx',
      { notice: noticeId, groups: [groupId] },
      { token: editorToken },
    )
    expect(refused.status).toBe(400)
    await payload.delete({ collection: 'dispatches', id: saved.json.doc.id })
  })

  it('planning hands every e-mail row to the delivery core and marks the dispatch sending', async () => {
    const dispatch = await newDispatch({ notice: noticeId, groups: [groupId] })
    dispatchId = dispatch.id
    const res = await planConfirmed(httpClient(payload), dispatchId, editorToken)
    expect(res.status).toBe(200)
    expect(res.json).toMatchObject({ total: 4, byChannel: { email: 3, 'hand-delivery': 1 } })
    expect(await dispatchStatus(dispatchId)).toBe('sending')
    rows = await logRows(dispatchId)
    const sends = await payload.find({
      collection: 'sends',
      where: { purpose: { equals: 'institution-notice' } },
      pagination: false,
      depth: 0,
    })
    const emailRows = rows.filter((r) => r.channel === 'email')
    expect(sends.docs.map((s) => s.key).sort()).toEqual(emailRows.map((r) => r.mailDeliveryKey).sort())
    // Nothing has gone out yet: the mail job sends.
    expect(fake.accepted).toHaveLength(0)
    expect(rows.every((r) => r.status === 'queued')).toBe(true)
  })

  it('the mail job sends each address once, in the recipient language, with the PDF in that language', async () => {
    await runMailJob()
    expect(fake.accepted.map((m) => m.to).sort()).toEqual([
      'consular-us@example.org',
      'desk-one@example.org',
      'desk-two@example.org',
      'political@example.org',
    ])
    const english = mailsTo('consular-us@example.org')[0]!
    expect(english.subject).toContain(org.en)
    expect(english.subject).toContain(reference)
    expect(english.subject).toContain('Notice to the parties on the proposed Permanent Mediation Mission')
    expect(english.html).toContain('lang="en"')
    expect(english.text).toContain('Acknowledge receipt: https://cms.example.org/acknowledge/')
    expect(english.text).toContain('Embassy of the United States in Moscow (example)')
    expect(english.files.map((f) => f.filename)).toEqual([`${reference}-en.pdf`])
    const englishPdf = await attachmentText(english)
    expect(englishPdf).toContain(reference)
    expect(englishPdf).toContain('Notice to the parties on the proposed Permanent Mediation Mission')
    expect(englishPdf).not.toContain('Уведомление сторонам')
    // The language-neutral short link to cite, as site editions print it (docs/adr/0047).
    expect(englishPdf).toContain(`Cite as: https://press.example.org/ref/${reference}/`)

    for (const address of ['political@example.org', 'desk-one@example.org', 'desk-two@example.org']) {
      const russian = mailsTo(address)[0]!
      expect(russian.subject).toContain(org.ru)
      expect(russian.subject).toContain(reference)
      expect(russian.subject).toContain('Уведомление сторонам о предлагаемой Постоянной посреднической миссии')
      expect(russian.html).toContain('lang="ru"')
      expect(russian.text).toContain('Подтвердить получение: https://cms.example.org/acknowledge/')
      expect(russian.files.map((f) => f.filename)).toEqual([`${reference}-ru.pdf`])
      const text = await attachmentText(russian)
      expect(text).toContain(reference)
      expect(text).toContain('Уведомление сторонам о предлагаемой Постоянной посреднической миссии')
      expect(text).not.toContain('Notice to the parties')
      expect(text).toContain(`Ссылка для цитирования: https://press.example.org/ref/${reference}/`)
    }
    // Each row's own signed link; the recipient's name escaped in the HTML, as written in the text.
    const desks = byAddress('desk-one@example.org')
    expect(mailsTo('desk-one@example.org')[0]!.text).toContain(desks.acknowledgementLink!)
    expect(mailsTo('desk-two@example.org')[0]!.text).toContain(desks.acknowledgementLink!)
    expect(mailsTo('political@example.org')[0]!.text).toContain(byAddress('political@example.org').acknowledgementLink!)
    const deskMail = mailsTo('desk-one@example.org')[0]!
    expect(deskMail.html).toContain('Министерство «два отдела» &lt;script&gt;alert(&quot;тест&quot;)&lt;/script&gt;')
    expect(deskMail.html).not.toContain('<script')
    expect(deskMail.text).toContain('Министерство «два отдела» <script>alert("тест")</script>')
    // The link sits in an href as the signed URL, nothing added or broken by escaping.
    expect(deskMail.html).toContain(`href="${desks.acknowledgementLink}"`)
    // The published text only: the newer draft reaches neither the e-mail nor the PDF.
    for (const mail of fake.accepted) {
      expect(`${mail.subject}${mail.text}${mail.html}`).not.toContain('UNPUBLISHED DRAFT TITLE')
      expect(await attachmentText(mail)).not.toContain('UNPUBLISHED DRAFT TITLE')
    }
  })

  it('the log shows the e-mail rows sent and the dispatch completed; another run sends nothing more', async () => {
    rows = await logRows(dispatchId)
    for (const row of rows.filter((r) => r.channel === 'email')) {
      expect(row.status).toBe('sent')
      expect(row.sentAt).toBeTruthy()
    }
    expect(rows.find((r) => r.channel === 'hand-delivery')!.status).toBe('queued')
    expect(await dispatchStatus(dispatchId)).toBe('completed')
    await runMailJob()
    await sendNoticeEmails(payload, {
      dispatchId,
      dispatchRecipientIds: rows.map((r) => r.id),
      reason: 'planned',
    })
    await runMailJob()
    expect(fake.accepted).toHaveLength(4)
  })

  it('the link in the e-mail acknowledges once; a later delivery event never overrides it', async () => {
    const mail = mailsTo('consular-us@example.org')[0]!
    const token = tokenIn(mail)!
    const handlers = acknowledgementHandlers(async () => payload)
    const form = () => ({
      method: 'POST',
      body: new URLSearchParams({ confirm: 'yes' }),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    const url = `https://cms.example.org/acknowledge/${token}`
    const first = await handlers.POST(new Request(url, form()), { params: Promise.resolve({ token }) })
    expect(first.status).toBe(200)
    expect(await first.text()).toContain('Thank you. Receipt was acknowledged on')
    const second = await handlers.POST(new Request(url, form()), { params: Promise.resolve({ token }) })
    expect(await second.text()).toContain('Receipt was already acknowledged on')
    const row = byAddress('consular-us@example.org')
    const acknowledged = await payload.findByID({ collection: 'dispatch-recipients', id: row.id })
    expect(acknowledged.status).toBe('acknowledged')

    const messageId = await messageIdOf(row, 'consular-us@example.org')
    for (const event of [
      signedEvent('email.delivered', messageId),
      signedEvent('email.bounced', messageId, { bounce: { type: 'Permanent', message: 'Mailbox unavailable' } }),
    ]) {
      expect((await handleResendWebhook(payload, event, [noticeDeliveryObserver])).status).toBe(200)
    }
    await syncNoticeDeliveries(payload)
    const after = await payload.findByID({ collection: 'dispatch-recipients', id: row.id })
    expect(after.status).toBe('acknowledged')
    expect(after.acknowledgedAt).toBe(acknowledged.acknowledgedAt)
    expect(after.bouncedAt ?? null).toBeNull()
  })

  it('webhooks mark rows delivered, and bounced with the reason when no address is reached', async () => {
    const political = byAddress('political@example.org')
    const delivered = await handleResendWebhook(
      payload,
      signedEvent('email.delivered', await messageIdOf(political, 'political@example.org')),
      [noticeDeliveryObserver],
    )
    expect(delivered.status).toBe(200)
    expect(await payload.findByID({ collection: 'dispatch-recipients', id: political.id })).toMatchObject({
      status: 'delivered',
    })

    // Two addresses: one bounce leaves the row sent; the second makes it bounced, with both reasons.
    const desks = byAddress('desk-one@example.org')
    const bounce = async (address: string, message: string) =>
      handleResendWebhook(
        payload,
        signedEvent('email.bounced', await messageIdOf(desks, address), { bounce: { type: 'Permanent', message } }),
        [noticeDeliveryObserver],
      )
    await bounce('desk-one@example.org', 'No such user desk-one')
    expect((await payload.findByID({ collection: 'dispatch-recipients', id: desks.id })).status).toBe('sent')
    await bounce('desk-two@example.org', 'No such user desk-two')
    const bounced = await payload.findByID({ collection: 'dispatch-recipients', id: desks.id })
    expect(bounced.status).toBe('bounced')
    expect(bounced.bouncedAt).toBeTruthy()
    expect(bounced.bounceReason).toContain('desk-one@example.org: No such user desk-one')
    expect(bounced.bounceReason).toContain('desk-two@example.org: No such user desk-two')
  })

  it('a re-send to one recipient sends exactly one more message (attempt 2) and is logged', async () => {
    const row = byAddress('political@example.org')
    const before = fake.accepted.length
    const http = httpClient(payload)
    const res = await http.post(
      `/dispatch-recipients/${row.id}/resend`,
      { reason: 'The embassy asked for a new copy', attempt: 1 },
      { token: editorToken },
    )
    expect(res.status).toBe(200)
    expect(await dispatchStatus(dispatchId)).toBe('sending')
    // A double click (same attempt seen) is refused; running the job twice sends once.
    const again = await http.post(
      `/dispatch-recipients/${row.id}/resend`,
      { reason: 'double click', attempt: 1 },
      { token: editorToken },
    )
    expect(again.status).toBe(409)
    await runMailJob()
    await runMailJob()
    const added = fake.accepted.slice(before)
    expect(added.map((m) => m.to)).toEqual(['political@example.org'])
    expect(added[0]!.files[0]!.filename).toBe(`${reference}-ru.pdf`)
    const after = await payload.findByID({ collection: 'dispatch-recipients', id: row.id, depth: 0 })
    expect(after).toMatchObject({
      attempt: 2,
      status: 'sent',
      mailDeliveryKey: `notice-dispatch:${dispatchId}:${(row.recipient as number) ?? ''}:2`,
    })
    expect(after.resends).toHaveLength(1)
    expect(after.resends![0]).toMatchObject({
      attempt: 2,
      reason: 'The embassy asked for a new copy',
      requestedBy: editor.id,
    })
    expect(await dispatchStatus(dispatchId)).toBe('completed')
  })

  it('a recipient whose language the notice lacks gets the original, and is told so', async () => {
    const englishOnly = await payload.create({
      collection: 'notices',
      locale: 'en',
      data: {
        title: 'Notice issued in English only',
        date: '2026-03-02T00:00:00.000Z',
        body: paragraphsToLexical(['A short notice that has no Russian version.']),
        _status: 'published',
      },
    })
    const russian = await payload.create({
      collection: 'recipients',
      locale: 'en',
      data: {
        kind: 'committee',
        name: 'Committee (test)',
        country: 'RU',
        emails: [{ address: 'committee@example.org' }],
        preferredLanguage: 'ru',
      },
    })
    const dispatch = await newDispatch({ notice: englishOnly.id, recipients: [russian.id] })
    await planDispatch(payload, dispatch.id)
    await runMailJob()
    const mail = mailsTo('committee@example.org')[0]!
    expect(mail.subject).toContain(org.ru)
    expect(mail.subject).toContain(englishOnly.referenceNumber!)
    expect(mail.text).toContain('Это уведомление не выпускалось на русском языке')
    expect(mail.text).toContain('оригинал на английском языке')
    expect(mail.html).toContain('lang="en"')
    expect(mail.files[0]!.filename).toBe(`${englishOnly.referenceNumber}-en.pdf`)
    expect(await attachmentText(mail)).toContain('Notice issued in English only')
  })

  it('staff export the log with the statuses', async () => {
    const res = await httpClient(payload).get(`/dispatch-recipients/export?format=csv&dispatch=${dispatchId}`, {
      token: editorToken,
    })
    expect(res.status).toBe(200)
    expect(res.text).toMatch(/acknowledged/)
    expect(res.text).toMatch(/bounced/)
    expect(res.text).toMatch(/No such user desk-one/)
  })

  it('anonymous readers and translators are still refused every notice and mail collection', async () => {
    const http = httpClient(payload)
    const translator = await createStaff(payload, 'translator')
    const translatorToken = await http.login(translator.email, staffPassword)
    const collections = [
      'recipients',
      'distribution-groups',
      'dispatches',
      'dispatch-recipients',
      'dispatch-manual-records',
      'dispatch-proofs',
      'sends',
      'deliveries',
    ]
    for (const collection of collections) {
      for (const token of [undefined, translatorToken]) {
        const res = await http.get(`/${collection}?limit=1`, { token })
        expect([401, 403], `${collection} ${token ? 'translator' : 'anonymous'}`).toContain(res.status)
      }
    }
    const graphql = await http.graphql('{ DispatchRecipients { docs { id emailAddresses acknowledgementLink } } }')
    expect(graphql.json.errors?.[0]?.message).toMatch(/not allowed/i)
    expect(graphql.json.data?.DispatchRecipients ?? null).toBeNull()
    const resend = await http.post(`/dispatch-recipients/${rows[0]!.id}/resend`, { reason: 'x', attempt: 1 })
    expect([401, 403]).toContain(resend.status)
  })
})

describe(`crash in the middle of a dispatch (${crashRuns} runs, ${testDatabase})`, () => {
  it('a killed hand-over or worker never makes a recipient miss or repeat the notice', {
    timeout: crashRuns * 30_000,
  }, async () => {
    const outcomes: string[] = []
    for (let run = 0; run < crashRuns; run++) {
      const prefix = `crash${run}-`
      const group = await payload.create({ collection: 'distribution-groups', data: { name: `Crash group ${run}` } })
      const expected: string[] = []
      for (let i = 0; i < randomInt(3, 6); i++) {
        const emails =
          i % 3 === 0 ? [`${prefix}${i}a@example.org`, `${prefix}${i}b@example.org`] : [`${prefix}${i}@example.org`]
        expected.push(...emails)
        await payload.create({
          collection: 'recipients',
          locale: 'en',
          data: {
            kind: 'embassy',
            name: `Crash ${run} recipient ${i}`,
            country: 'DE',
            emails: emails.map((address) => ({ address })),
            preferredLanguage: i % 2 === 0 ? 'en' : 'ru',
            groups: [group.id],
          },
        })
      }
      const dispatch = await newDispatch({ notice: noticeId, groups: [group.id] })
      await planDispatch(payload, dispatch.id)
      // Even runs: the process handing rows over died after some of them (a crash before the
      // worker ran): the mail job hands the rest over once they have waited longer than a live
      // hand-over takes.
      const handedOver = run % 2 === 0 ? await cutHandOver(dispatch.id, randomInt(0, 2)) : Number.POSITIVE_INFINITY
      fake.options.randomFaults = run % 3 === 0 ? { 'drop-after': 0.2, 'server-error': 0.1 } : {}
      const byCheckpoint = run % 4 < 2
      // Every checkpoint is passed at least once per send the victim finds; timer kills may come too late.
      const crashAt = byCheckpoint ? `${crashCheckpoints[run % crashCheckpoints.length]}:1` : undefined
      const victim = spawnCrashWorker(crashAt)
      await victim.ready
      if (!byCheckpoint) {
        await new Promise((resolve) => setTimeout(resolve, randomInt(0, 150)))
        victim.child.kill('SIGKILL')
      }
      const aimed = byCheckpoint && handedOver > 0
      outcomes.push(`${aimed ? 'aimed ' : ''}${crashAt ?? 'timer'}→${await victim.exited}`)
      fake.options.randomFaults = {}

      const deadline = Date.now() + 40_000
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, 300))
        await runMailJob()
        if ((await dispatchStatus(dispatch.id)) === 'completed') break
        if (Date.now() > deadline) throw new Error(`run ${run}: dispatch not completed after recovery`)
      }
      const mailed = fake.accepted.filter((m) => m.to.startsWith(prefix)).map((m) => m.to)
      expect(new Set(mailed).size, `run ${run}: duplicates`).toBe(mailed.length)
      expect([...mailed].sort(), `run ${run}: recipients`).toEqual([...expected].sort())
      const rows = await logRows(dispatch.id)
      expect(
        rows.map((r) => r.status),
        `run ${run}: log`,
      ).toEqual(rows.map(() => 'sent'))
    }
    // The kills really interrupted work: every kill aimed at a checkpoint the victim surely reaches happened.
    const aimed = outcomes.filter((o) => o.startsWith('aimed'))
    expect(aimed.length).toBeGreaterThan(0)
    expect(
      aimed.filter((o) => !o.endsWith('SIGKILL')),
      outcomes.join(', '),
    ).toEqual([])
  })
})

/**
 * Leaves a planned dispatch as a process killed in the middle of the hand-over would: only the
 * first `kept` e-mail rows have their send (nothing was sent yet, the worker had not run), the
 * dispatch is still `planned` when none was handed over, and the rows' queue time is moved back
 * past the resume delay.
 */
async function cutHandOver(dispatchId: number, kept: number): Promise<number> {
  const emailRows = (await logRows(dispatchId)).filter((r) => r.channel === 'email')
  const keys = emailRows.slice(kept).map((r) => r.mailDeliveryKey!)
  for (const key of keys) {
    await queryRows(
      payload,
      sql`DELETE FROM "deliveries" WHERE "send_id" IN (SELECT "id" FROM "sends" WHERE "key" = ${key}) RETURNING "id"`,
    )
    await queryRows(payload, sql`DELETE FROM "sends" WHERE "key" = ${key} RETURNING "id"`)
  }
  if (kept === 0) {
    await queryRows(
      payload,
      sql`UPDATE "dispatches" SET "status" = 'planned' WHERE "id" = ${dispatchId} RETURNING "id"`,
    )
  }
  const past = new Date(Date.now() - 5 * 60_000).toISOString()
  await queryRows(
    payload,
    sql`UPDATE "dispatch_recipients" SET "queued_at" = ${past} WHERE "dispatch_id" = ${dispatchId} RETURNING "id"`,
  )
  return Math.min(kept, emailRows.length)
}
