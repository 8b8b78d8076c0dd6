import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { acknowledgementHandlers } from '../notices/acknowledgement/handlers.ts'
import { signAcknowledgementToken } from '../notices/acknowledgement/token.ts'
import type { DispatchRecipient } from '../payload-types.ts'
import { type StaffUser, staffPassword, testDatabase } from '../testing/payload.ts'
import { payloadForFile } from '../testing/payloadForFile.ts'
import { planConfirmed } from './helpers/confirmed.ts'
import { createDispatchAs, dispatchLog } from './helpers/dispatches.ts'
import { minimalPdf } from './helpers/files.ts'
import { httpClient } from './helpers/http.ts'
import { pdfText } from './helpers/pdf.ts'

const cms = payloadForFile({ staff: ['editor'] })
let payload: Payload
let editor: StaffUser
let editorToken: string
let noticeId: number
const groups: Record<string, number> = {}
const recipients: Record<string, number> = {}

async function createRecipient(key: string, data: Record<string, unknown>, ru?: Record<string, unknown>) {
  const doc = await payload.create({
    collection: 'recipients',
    locale: 'en',
    data: { kind: 'embassy', ...data } as never,
  })
  if (ru) await payload.update({ collection: 'recipients', id: doc.id, locale: 'ru', data: ru })
  recipients[key] = doc.id
  return doc
}

beforeAll(async () => {
  payload = cms.payload
  ;({ editor } = cms.staff)
  editorToken = await httpClient(payload).login(editor.email, staffPassword)
  const notice = await payload.create({
    collection: 'notices',
    locale: 'en',
    data: { title: 'Notice on the mediation mission', _status: 'published' },
  })
  await payload.update({
    collection: 'notices',
    id: notice.id,
    locale: 'ru',
    data: { title: 'Уведомление о посреднической миссии', _status: 'published' },
  })
  noticeId = notice.id
  for (const [key, name] of [
    ['embassies', 'Embassies in Moscow'],
    ['europe', 'European capitals'],
  ] as const) {
    groups[key] = (await payload.create({ collection: 'distribution-groups', data: { name } })).id
  }
  await createRecipient(
    'germany',
    {
      name: 'Embassy of Germany',
      country: 'DE',
      emails: [{ address: 'embassy-de@example.org' }],
      preferredLanguage: 'en',
      groups: [groups.embassies, groups.europe],
    },
    { name: 'Посольство Германии' },
  )
  await createRecipient(
    'russia',
    {
      kind: 'ministry',
      name: 'Ministry of Foreign Affairs of Russia',
      country: 'RU',
      emails: [{ address: 'mid@example.org' }],
      preferredLanguage: 'ru',
      groups: [groups.embassies],
    },
    { name: 'Министерство иностранных дел России' },
  )
  await createRecipient('france', {
    name: 'Embassy of France',
    country: 'FR',
    preferredChannels: ['via-embassy', 'post'],
    postalAddress: '1 Example Street, Moscow',
    groups: [groups.europe],
  })
  await createRecipient('retired', {
    name: 'Former embassy',
    country: 'IT',
    emails: [{ address: 'old@example.org' }],
    groups: [groups.embassies],
    active: false,
  })
})

const newDispatch = (data: Record<string, unknown>) => createDispatchAs(payload, editor, { notice: noticeId, ...data })

const logRows = (dispatchId: number) => dispatchLog(payload, dispatchId, 'recipientName')

const ack = () => acknowledgementHandlers(async () => payload)
const tokenFrom = (row: DispatchRecipient) => new URL(row.acknowledgementLink!).pathname.split('/').pop()!
const context = (token: string) => ({ params: Promise.resolve({ token }) })
const confirmForm = () => {
  const form = new URLSearchParams({ confirm: 'yes' })
  return { method: 'POST', body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' } }
}

describe(`dispatch planning (${testDatabase})`, () => {
  let dispatchId: number

  it('shows the counts per language and channel first, and plans nothing without their confirmation (docs/adr/0039)', async () => {
    const dispatch = await newDispatch({ groups: [groups.embassies, groups.europe] })
    const http = httpClient(payload)
    expect((await http.get(`/dispatches/${dispatch.id}/recipient-counts`)).status).toBe(401)
    const counts = await http.get(`/dispatches/${dispatch.id}/recipient-counts`, { token: editorToken })
    expect(counts.json).toMatchObject({
      total: 3,
      byLanguage: { en: 2, ru: 1 },
      byChannel: { email: 2, 'via-embassy': 1 },
      channelLabels: { email: 'E-mail', 'via-embassy': 'Through an embassy' },
    })
    const stray = await http.post(`/dispatches/${dispatch.id}/plan`, undefined, { token: editorToken })
    expect(stray.status).toBe(400)
    expect(stray.json.message).toMatch(/^Confirm first/)
    const forged = await http.post(`/dispatches/${dispatch.id}/plan`, { confirmation: 'x' }, { token: editorToken })
    expect(forged.status).toBe(409)
    // The choice changed after staff saw the counts: their confirmation no longer holds.
    await payload.update({ collection: 'dispatches', id: dispatch.id, data: { groups: [groups.europe] } })
    const stale = await http.post(
      `/dispatches/${dispatch.id}/plan`,
      { confirmation: counts.json.confirmation },
      { token: editorToken },
    )
    expect(stale.status).toBe(409)
    expect(stale.json.message).toMatch(/changed/)
    expect(stale.json.counts).toMatchObject({ total: 2, byLanguage: { en: 2 } })
    expect((await payload.findByID({ collection: 'dispatches', id: dispatch.id })).status).toBe('draft')
    expect(await logRows(dispatch.id)).toEqual([])
    // A confirmation is for its own dispatch only.
    const other = await newDispatch({ groups: [groups.embassies, groups.europe] })
    const elsewhere = await http.post(
      `/dispatches/${other.id}/plan`,
      { confirmation: counts.json.confirmation },
      { token: editorToken },
    )
    expect(elsewhere.status).toBe(409)
    await payload.delete({ collection: 'dispatches', id: other.id })
    await payload.delete({ collection: 'dispatches', id: dispatch.id })
  })

  it('creates exactly one log row per recipient, even for a recipient in two chosen groups', async () => {
    const dispatch = await newDispatch({
      groups: [groups.embassies, groups.europe],
      recipients: [recipients.germany],
    })
    expect(dispatch.status).toBe('draft')
    expect(dispatch.createdBy).toBe(editor.id)
    dispatchId = dispatch.id

    const http = httpClient(payload)
    const res = await planConfirmed(http, dispatchId, editorToken)
    expect(res.status).toBe(200)
    expect(res.json).toMatchObject({ total: 3, created: 3 })

    const rows = await logRows(dispatchId)
    expect(rows.map((r) => r.recipientName)).toEqual([
      'Embassy of France',
      'Embassy of Germany',
      'Министерство иностранных дел России',
    ])
    const byName = Object.fromEntries(rows.map((r) => [r.recipientName, r]))
    expect(byName['Embassy of Germany']).toMatchObject({
      channel: 'email',
      language: 'en',
      status: 'queued',
      emailAddresses: ['embassy-de@example.org'],
      mailDeliveryKey: `notice-dispatch:${dispatchId}:${recipients.germany}:1`,
    })
    expect(byName['Министерство иностранных дел России']).toMatchObject({ channel: 'email', language: 'ru' })
    expect(byName['Embassy of France']).toMatchObject({ channel: 'via-embassy', emailAddresses: [] })

    // Planning hands the e-mail rows to the delivery core (notices-send.test.ts follows them out).
    const planned = await payload.findByID({ collection: 'dispatches', id: dispatchId })
    expect(planned).toMatchObject({ status: 'sending', recipientCount: 3 })
  })

  it('plans only once, and the database refuses a second row for the same recipient', async () => {
    const http = httpClient(payload)
    const again = await planConfirmed(http, dispatchId, editorToken)
    expect(again.status).toBe(409)
    expect((await logRows(dispatchId)).length).toBe(3)
    await expect(
      payload.create({
        collection: 'dispatch-recipients',
        data: {
          dispatch: dispatchId,
          notice: noticeId,
          recipient: recipients.germany!,
          channel: 'email',
          language: 'en',
          status: 'queued',
          attempt: 1,
        },
      }),
    ).rejects.toThrow()
    expect((await logRows(dispatchId)).length).toBe(3)
  })

  it('fixes the notice and recipients once planned', async () => {
    // Through the API the choice is read-only (field access): the change is ignored.
    await payload.update({
      collection: 'dispatches',
      id: dispatchId,
      user: editor,
      overrideAccess: false,
      data: { recipients: [recipients.france!] },
    })
    expect((await payload.findByID({ collection: 'dispatches', id: dispatchId, depth: 0 })).recipients).toEqual([
      recipients.germany,
    ])
    // Server code that bypasses access control is refused by the hook.
    await expect(
      payload.update({ collection: 'dispatches', id: dispatchId, data: { recipients: [recipients.france!] } }),
    ).rejects.toMatchObject({ status: 409 })
    await expect(
      payload.delete({ collection: 'dispatches', id: dispatchId, user: editor, overrideAccess: false }),
    ).rejects.toMatchObject({ status: 409 })
  })

  it('refuses an unpublished notice, when saving and when planning', async () => {
    const draft = await payload.create({
      collection: 'notices',
      data: { title: 'Unfinished notice', _status: 'draft' },
    })
    await expect(newDispatch({ notice: draft.id, groups: [groups.embassies] })).rejects.toMatchObject({
      status: 400,
    })
    // A notice unpublished after the dispatch was saved is refused at planning, and nothing is planned.
    const notice = await payload.create({
      collection: 'notices',
      data: { title: 'Withdrawn notice', _status: 'published' },
    })
    const dispatch = await newDispatch({ notice: notice.id, groups: [groups.embassies] })
    await payload.update({ collection: 'notices', id: notice.id, data: { _status: 'draft' } })
    const res = await planConfirmed(httpClient(payload), dispatch.id, editorToken)
    expect(res.status).toBe(400)
    expect(res.json.errors[0].message).toMatch(/Only published notices can be dispatched/)
    expect(await logRows(dispatch.id)).toEqual([])
    expect((await payload.findByID({ collection: 'dispatches', id: dispatch.id })).status).toBe('draft')
  })

  it('refuses a dispatch without any active recipient', async () => {
    const empty = await payload.create({ collection: 'distribution-groups', data: { name: 'Nobody yet' } })
    const dispatch = await newDispatch({ groups: [empty.id] })
    const res = await planConfirmed(httpClient(payload), dispatch.id, editorToken)
    expect(res.status).toBe(400)
    expect(res.json.errors[0].message).toMatch(/no active recipient/)
  })

  describe('acknowledgement of receipt', () => {
    let row: DispatchRecipient

    beforeAll(async () => {
      const rows = await logRows(dispatchId)
      row = rows.find((r) => r.language === 'ru')!
    })

    it('GET shows the page in the recipient language and records nothing', async () => {
      const token = tokenFrom(row)
      const res = await ack().GET(new Request(row.acknowledgementLink!), context(token))
      expect(res.status).toBe(200)
      expect(res.headers.get('referrer-policy')).toBe('no-referrer')
      const page = await res.text()
      expect(page).toContain('lang="ru"')
      expect(page).toContain('Подтверждаю получение')
      expect(page).toContain('Уведомление о посреднической миссии')
      expect(page).toContain('<form method="post">')
      const after = await payload.findByID({ collection: 'dispatch-recipients', id: row.id })
      expect(after.acknowledgedAt ?? null).toBeNull()
      expect(after.status).toBe('queued')
    })

    it('a POST without the button does not record', async () => {
      const token = tokenFrom(row)
      const res = await ack().POST(new Request(row.acknowledgementLink!, { method: 'POST' }), context(token))
      expect(res.status).toBe(400)
      const after = await payload.findByID({ collection: 'dispatch-recipients', id: row.id })
      expect(after.acknowledgedAt ?? null).toBeNull()
    })

    it('the button records the time once; a second use shows it and changes nothing', async () => {
      const token = tokenFrom(row)
      const first = await ack().POST(new Request(row.acknowledgementLink!, confirmForm()), context(token))
      expect(first.status).toBe(200)
      expect(await first.text()).toContain('Спасибо. Получение подтверждено')
      const recorded = await payload.findByID({ collection: 'dispatch-recipients', id: row.id })
      expect(recorded.status).toBe('acknowledged')
      expect(recorded.acknowledgedAt).toBeTruthy()

      const second = await ack().POST(new Request(row.acknowledgementLink!, confirmForm()), context(token))
      expect(second.status).toBe(200)
      expect(await second.text()).toContain('Получение уже было подтверждено')
      const unchanged = await payload.findByID({ collection: 'dispatch-recipients', id: row.id })
      expect(unchanged.acknowledgedAt).toBe(recorded.acknowledgedAt)
    })

    it('refuses tampered, foreign, unknown and malformed tokens', async () => {
      const token = tokenFrom(row)
      const others = (await logRows(dispatchId)).filter((r) => r.id !== row.id)
      const other = others[0]!
      const sig = token.split('.')[1]!
      // The other row's ID with this row's signature.
      const swapped = `${other.id}.${sig}`
      const flipped = `${row.id}.${sig.slice(0, -2)}${sig.endsWith('AA') ? 'BB' : 'AA'}`
      const wrongKey = signAcknowledgementToken('another-secret-that-is-long-enough-000000', other)
      const unknown = signAcknowledgementToken(payload.config.secret, { id: 999999, createdAt: other.createdAt })
      for (const [bad, status] of [
        [swapped, 400],
        [flipped, 400],
        [wrongKey, 400],
        [unknown, 404],
        ['not-a-token', 400],
        [`${other.id}.`, 400],
      ] as const) {
        for (const method of ['GET', 'POST'] as const) {
          const handler = ack()[method]
          const res = await handler(
            new Request(`http://localhost/acknowledge/${bad}`, method === 'POST' ? confirmForm() : {}),
            context(bad),
          )
          expect(res.status, `${method} ${bad}`).toBe(status)
          const page = await res.text()
          expect(page).not.toContain('<form')
        }
      }
      const untouched = await payload.findByID({ collection: 'dispatch-recipients', id: other.id })
      expect(untouched.acknowledgedAt ?? null).toBeNull()
    })
  })

  describe('manual delivery records and re-sends', () => {
    it('staff record a delivery through an embassy with a proof; the row shows it', async () => {
      const row = (await logRows(dispatchId)).find((r) => r.channel === 'via-embassy')!
      const proof = await payload.create({
        collection: 'dispatch-proofs',
        user: editor,
        overrideAccess: false,
        file: {
          data: minimalPdf(),
          name: 'diplomatic-receipt.pdf',
          mimetype: 'application/pdf',
          size: minimalPdf().length,
        },
        data: { description: 'Receipt of the note verbale' },
      })
      const record = await payload.create({
        collection: 'dispatch-manual-records',
        depth: 0,
        user: editor,
        overrideAccess: false,
        data: {
          dispatchRecipient: row.id,
          channel: 'via-embassy',
          date: '2026-03-02T10:00:00.000Z',
          proof: proof.id,
          note: 'Handed to the consular section',
        },
      })
      expect(record).toMatchObject({ recordedBy: editor.id, dispatch: dispatchId, recipient: recipients.france })
      const after = await payload.findByID({ collection: 'dispatch-recipients', id: row.id, depth: 0 })
      expect(after.status).toBe('manual')
      expect(after.manualAt).toBe('2026-03-02T10:00:00.000Z')

      await expect(
        payload.create({
          collection: 'dispatch-manual-records',
          user: editor,
          overrideAccess: false,
          data: { dispatchRecipient: row.id, channel: 'post', date: '2026-03-02T10:00:00.000Z' } as never,
        }),
      ).rejects.toThrow(/proof/i)
      await expect(
        payload.update({
          collection: 'dispatch-manual-records',
          id: record.id,
          user: editor,
          overrideAccess: false,
          data: { note: 'changed' },
        }),
      ).rejects.toMatchObject({ status: 403 })
    })

    it('a re-send is an explicit, logged staff action that sends once', async () => {
      const row = (await logRows(dispatchId)).find((r) => r.recipientName === 'Embassy of Germany')!
      const http = httpClient(payload)
      const missing = await http.post(`/dispatch-recipients/${row.id}/resend`, {}, { token: editorToken })
      expect(missing.status).toBe(400)
      const res = await http.post(
        `/dispatch-recipients/${row.id}/resend`,
        { reason: 'The embassy asked for another copy', attempt: 1 },
        { token: editorToken },
      )
      expect(res.status).toBe(200)
      // The same click again (attempt 1 is no longer current) sends nothing more.
      const double = await http.post(
        `/dispatch-recipients/${row.id}/resend`,
        { reason: 'The embassy asked for another copy', attempt: 1 },
        { token: editorToken },
      )
      expect(double.status).toBe(409)
      const after = await payload.findByID({ collection: 'dispatch-recipients', id: row.id, depth: 0 })
      expect(after).toMatchObject({
        attempt: 2,
        status: 'queued',
        mailDeliveryKey: `notice-dispatch:${dispatchId}:${recipients.germany}:2`,
      })
      expect(after.resends).toHaveLength(1)
      expect(after.resends?.[0]).toMatchObject({
        attempt: 2,
        requestedBy: editor.id,
        reason: 'The embassy asked for another copy',
      })

      const manual = (await logRows(dispatchId)).find((r) => r.channel === 'via-embassy')!
      const refused = await http.post(
        `/dispatch-recipients/${manual.id}/resend`,
        { reason: 'again' },
        { token: editorToken },
      )
      expect(refused.status).toBe(409)
    })
  })

  describe('log exports', () => {
    it('per dispatch as CSV, with every row, status and staff record', async () => {
      const res = await httpClient(payload).get(`/dispatch-recipients/export?format=csv&dispatch=${dispatchId}`, {
        token: editorToken,
      })
      expect(res.status).toBe(200)
      const lines = res.text
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n')
      expect(lines).toHaveLength(4)
      expect(lines[0]).toMatch(/^notice_reference,notice_title,dispatch,recipient_id,recipient,/)
      const ru = lines.find((l) => l.includes('Министерство'))!
      expect(ru).toContain(',acknowledged,')
      const france = lines.find((l) => l.includes('Embassy of France'))!
      expect(france).toContain('via-embassy 2026-03-02 (diplomatic-receipt.pdf): Handed to the consular section')
    })

    it('per notice and per recipient as a PDF report with Cyrillic text', async () => {
      const http = httpClient(payload)
      for (const query of [`notice=${noticeId}`, `recipient=${recipients.russia}`]) {
        const url = new URL(`http://localhost/api/dispatch-recipients/export?format=pdf&${query}`)
        const headers = new Headers({ Authorization: `JWT ${editorToken}` })
        const { REST_GET } = await import('@payloadcms/next/routes')
        const response = await (REST_GET(Promise.resolve(payload.config)) as any)(new Request(url, { headers }), {
          params: Promise.resolve({ slug: ['dispatch-recipients', 'export'] }),
        })
        expect(response.status).toBe(200)
        expect(response.headers.get('content-type')).toBe('application/pdf')
        const text = await pdfText(new Uint8Array(await response.arrayBuffer()))
        expect(text).toContain('Министерство иностранных дел России')
        expect(text).toContain('Acknowledged')
      }
      const bad = await http.get('/dispatch-recipients/export?format=pdf', { token: editorToken })
      expect(bad.status).toBe(400)
    })
  })
})
