import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { formatInstant } from '@pressroom/shared'
import type { Payload } from 'payload'
import PostalMime from 'postal-mime'
import { beforeAll, describe, expect, it } from 'vitest'
import { advanceDownload, advancePage } from '../../advance/handlers.ts'
import { parseAdvanceToken, signAdvanceToken, verifyAdvanceToken } from '../../advance/token.ts'
import { queryRows, sql } from '../../db/sql.ts'
import { requirePayloadSecret } from '../../secrets/payloadSecret.ts'
import { paragraphsToLexical } from '../../seed/lexical.ts'
import { type StaffUser, staffPassword, testDatabase } from '../../testing/payload.ts'
import { httpClient } from './http.ts'

/**
 * Vetted journalists and advance sends of embargoed releases (issue 16 part 1, docs/adr/0043):
 * staff count, confirm and send; the delivery core writes one e-mail per journalist to the
 * outbox; each private link shows the release (after the terms when asked), its PDF and kit, is
 * logged, revocable, and leads to the public page once the embargo has passed.
 */
const siteUrl = 'https://press.example.org'
const bodyWord = 'Quillfeather'

let payload: Payload
let http: ReturnType<typeof httpClient>
let editorToken: string
let translatorToken: string
let releaseId: number
let embargo: Date
const journalists: Record<string, number> = {}

async function runMailJob() {
  await payload.jobs.queue({ task: 'deliverMail', queue: 'email', input: {} })
  await payload.jobs.run({ queue: 'email', limit: 10, silent: true })
}

let outbox = ''
async function mails() {
  const names = readdirSync(outbox, { withFileTypes: true }).filter((f) => f.name.endsWith('.eml'))
  const all = await Promise.all(names.map(async (f) => PostalMime.parse(readFileSync(path.join(outbox, f.name)))))
  // The outbox is shared with the test file's own tests: only the journalists' e-mails.
  return all.filter((m) => m.to?.[0]?.address?.endsWith('@news.example'))
}

const linksIn = (text: string) => [...text.matchAll(/\/embargoed\/([\w.-]+)/g)].map((m) => m[1]!)
const open = (token: string, init?: RequestInit) =>
  advancePage(new Request(`http://cms.test/embargoed/${token}`, init), token, async () => payload)

async function linkRow(email: string) {
  const { docs } = await payload.find({
    collection: 'advance-links',
    where: { email: { equals: email } },
    sort: '-id',
    limit: 1,
  })
  return docs[0]!
}

async function sendAheadAs(token: string, query: string, extra: Record<string, unknown> = {}) {
  const counts = await http.get(`/advance/recipients?${query}`, { token })
  if (counts.status !== 200) return { counts, sent: counts }
  const body = Object.fromEntries(new URLSearchParams(query))
  const sent = await http.post(
    '/advance/send',
    { ...body, ...extra, confirmation: counts.json.confirmation },
    { token },
  )
  return { counts, sent }
}

export type AdvanceSendContext = {
  payload: Payload
  staff: { editor: StaffUser; translator: StaffUser }
}

/**
 * The tests, run on a test file's Payload (mail-preview.test.ts: its outbox, `SITE_URL`
 * https://press.example.org, an editor and a translator), after that file's own tests, so no Payload of its
 * own is started for them (the test time budget).
 */
export function advanceSendTests(cms: AdvanceSendContext, outboxDir: string) {
  outbox = outboxDir
  describe(`advance sends of embargoed releases (${testDatabase})`, () => {
    beforeAll(async () => {
      payload = cms.payload
      http = httpClient(payload)
      const { editor, translator } = cms.staff
      const login = async (user: StaffUser) =>
        (await payload.login({ collection: 'users', data: { email: user.email, password: staffPassword } })).token!
      editorToken = await login(editor)
      translatorToken = await login(translator)
      const group = await payload.create({ collection: 'journalist-groups', data: { name: 'Economy desks' } })
      const consent = { at: '2026-01-10T10:00:00.000Z', how: 'Asked in person at the briefing' }
      const people = [
        ['anna', ['en'], [group.id], true],
        ['boris', ['ru'], [], true],
        ['clara', ['en', 'ru'], [group.id], true],
        ['dmitri', ['en'], [group.id], false],
      ] as const
      for (const [name, languages, groups, active] of people) {
        const doc = await payload.create({
          collection: 'journalists',
          data: {
            name,
            email: `${name}@news.example`,
            languages: [...languages],
            groups: [...groups],
            active,
            consent,
          },
          user: editor,
        })
        journalists[name] = doc.id
      }
      embargo = new Date(Date.now() + 3600_000)
      const release = await payload.create({
        collection: 'press-releases',
        locale: 'en',
        data: {
          title: 'Advance release',
          slug: 'advance-release',
          summary: 'What happens next',
          body: paragraphsToLexical([`${bodyWord} is the word of the body.`]),
          embargoUntil: embargo.toISOString(),
          _status: 'published',
        } as never,
      })
      releaseId = release.id
      await payload.update({
        collection: 'press-releases',
        id: releaseId,
        locale: 'ru',
        data: { title: 'Релиз заранее', summary: 'Что дальше', _status: 'published' } as never,
      })
    })

    it('signs one canonical token per link row and language; any change or expiry makes it worthless', () => {
      const secret = requirePayloadSecret()
      const row = { id: 7, createdAt: '2026-01-01T00:00:00.000Z' }
      const token = signAdvanceToken(secret, row, 'ru', new Date(Date.now() + 60_000))
      const parsed = parseAdvanceToken(token)!
      expect(verifyAdvanceToken(secret, parsed, row)).toBe(true)
      expect(verifyAdvanceToken(secret, parsed, { ...row, createdAt: '2026-01-01T00:00:01.000Z' })).toBe(false)
      expect(
        parseAdvanceToken(token.replace('.ru.', '.en.')) &&
          verifyAdvanceToken(secret, parseAdvanceToken(token.replace('.ru.', '.en.'))!, row),
      ).toBe(false)
      // The same signature spelled with other spare bits is not ours.
      const last = token.at(-1)!
      const twin = `${token.slice(0, -1)}${String.fromCharCode(last.charCodeAt(0) ^ 1)}`
      expect(parseAdvanceToken(twin) === null || !verifyAdvanceToken(secret, parseAdvanceToken(twin)!, row)).toBe(true)
      const expired = parseAdvanceToken(signAdvanceToken(secret, row, 'en', new Date(Date.now() - 1000)))!
      expect(verifyAdvanceToken(secret, expired, row)).toBe(false)
      expect(parseAdvanceToken('7.xx.1234567890.abc')).toBeNull()
    })

    it('keeps journalists, groups and the advance log from anonymous readers and translators', async () => {
      for (const collection of ['journalists', 'journalist-groups', 'advance-sends', 'advance-links']) {
        for (const token of [undefined, translatorToken]) {
          const answer = await http.get(`/${collection}?depth=1`, { token })
          expect([401, 403], `${collection} ${token ? 'translator' : 'anonymous'}`).toContain(answer.status)
          expect(answer.text).not.toContain('news.example')
        }
      }
      const graphql = await http.graphql('{ Journalists { docs { email } } JournalistGroups { docs { name } } }')
      expect(JSON.stringify(graphql.json)).not.toContain('news.example')
      expect(JSON.stringify(graphql.json)).not.toContain('Economy desks')
      expect((await http.get(`/advance/recipients?id=${releaseId}&audience=all`)).status).toBe(401)
      expect(
        (await http.get(`/advance/recipients?id=${releaseId}&audience=all`, { token: translatorToken })).status,
      ).toBe(403)
    })

    it('sends to every active journalist once, after the confirmation, each in their languages with the embargo line in both', async () => {
      const unconfirmed = await http.post('/advance/send', { id: releaseId, audience: 'all' }, { token: editorToken })
      expect(unconfirmed.status).toBe(400)
      const { counts, sent } = await sendAheadAs(editorToken, `id=${releaseId}&audience=all`)
      expect(counts.json).toMatchObject({ total: 3, en: 1, ru: 1, both: 1, next: 1 })
      expect(sent.status, sent.text).toBe(200)
      // The same confirmation again: the counts it confirmed are gone (this send is no. 1 of 1).
      const again = await http.post(
        '/advance/send',
        { id: releaseId, audience: 'all', confirmation: counts.json.confirmation },
        { token: editorToken },
      )
      expect(again.status).toBe(409)
      const rows = await queryRows<{ key: string; n: number }>(
        payload,
        sql`SELECT "s"."key" AS "key", COUNT(*) AS "n" FROM "deliveries" "d" JOIN "sends" "s" ON "s"."id" = "d"."send_id"
          WHERE "s"."key" LIKE ${`advance:press-releases:${releaseId}:1:%`} GROUP BY "s"."key" ORDER BY "s"."key"`,
      )
      expect(rows.map((r) => [r.key.split(':').at(-1), Number(r.n)])).toEqual([
        ['en', 1],
        ['en+ru', 1],
        ['ru', 1],
      ])
      await runMailJob()
      await runMailJob()
      const received = await mails()
      expect(received.map((m) => m.to?.[0]?.address).sort()).toEqual([
        'anna@news.example',
        'boris@news.example',
        'clara@news.example',
      ])
      for (const mail of received) {
        const text = mail.text ?? ''
        const first = text.split('\n').slice(0, 2).join('\n')
        expect(first).toContain(formatInstant(embargo, 'en', 'Europe/Moscow'))
        expect(first).toContain(formatInstant(embargo, 'ru', 'Europe/Moscow'))
        expect(first).toMatch(/^EMBARGOED: .*\nЭМБАРГО: /)
        expect(mail.html).toContain('EMBARGOED')
        const expected = { 'anna@news.example': 1, 'boris@news.example': 1, 'clara@news.example': 2 }[
          mail.to![0]!.address!
        ]
        expect(new Set(linksIn(text)).size).toBe(expected)
      }
      const boris = received.find((m) => m.to?.[0]?.address === 'boris@news.example')!
      expect(boris.subject).toContain('Эмбарго до')
      // Nothing of the release travels by e-mail: only through the link, which can be revoked.
      for (const mail of received)
        expect(`${mail.subject}${mail.text}${mail.html}`).not.toMatch(/Advance release|Релиз заранее|What happens next/)
    })

    it('opens the release through its link, never indexed nor cached, and logs opens and downloads', async () => {
      const mail = (await mails()).find((m) => m.to?.[0]?.address === 'anna@news.example')!
      const token = linksIn(mail.text ?? '')[0]!
      const response = await open(token)
      const html = await response.text()
      expect(response.status).toBe(200)
      expect(response.headers.get('x-robots-tag')).toBe('noindex, nofollow')
      expect(response.headers.get('cache-control')).toBe('private, no-store')
      expect(response.headers.get('referrer-policy')).toBe('no-referrer')
      expect(html).toContain('<meta name="robots" content="noindex, nofollow">')
      expect(html).toContain(bodyWord)
      expect(html).toContain('ЭМБАРГО')
      await open(token)
      const pdf = await advanceDownload(token, 'pdf', async () => payload)
      expect(pdf.status).toBe(200)
      expect(pdf.headers.get('content-type')).toBe('application/pdf')
      expect(
        Buffer.from(await pdf.arrayBuffer())
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-')
      const kit = await advanceDownload(token, 'kit', async () => payload)
      expect(kit.headers.get('content-type')).toBe('application/zip')
      expect(
        Buffer.from(await kit.arrayBuffer())
          .subarray(0, 2)
          .toString(),
      ).toBe('PK')
      const row = await linkRow('anna@news.example')
      expect(row).toMatchObject({ opens: 2, pdfDownloads: 1, kitDownloads: 1 })
      expect(row.firstOpenedAt).toBeTruthy()
      expect(new Date(row.lastOpenedAt!).getTime()).toBeGreaterThanOrEqual(new Date(row.firstOpenedAt!).getTime())
    })

    it('answers one and the same 404 for a forged, expired, other-row, revoked or revoked-send link', async () => {
      const all = await mails()
      const tokenOf = (address: string) => linksIn(all.find((m) => m.to?.[0]?.address === address)!.text ?? '')[0]!
      const anna = tokenOf('anna@news.example')
      const boris = tokenOf('boris@news.example')
      const [annaId, locale, expires, signature] = anna.split('.')
      const annaRow = await linkRow('anna@news.example')
      const refused: Record<string, string> = {
        malformed: 'not-a-token',
        tampered: `${anna.slice(0, -2)}${anna.endsWith('AA') ? 'BB' : 'AA'}`,
        'another row': `${boris.split('.')[0]}.${locale}.${expires}.${signature}`,
        'another language': `${annaId}.${locale === 'en' ? 'ru' : 'en'}.${expires}.${signature}`,
        expired: signAdvanceToken(requirePayloadSecret(), annaRow, 'en', new Date(Date.now() - 1000)),
      }
      const bodies = new Set<string>()
      for (const [why, token] of Object.entries(refused)) {
        const response = await open(token)
        expect(response.status, why).toBe(404)
        expect(response.headers.get('cache-control'), why).toBe('private, no-store')
        bodies.add(await response.text())
        expect((await advanceDownload(token, 'pdf', async () => payload)).status, why).toBe(404)
      }
      const revoke = await http.post(`/advance/links/${annaRow.id}/revoke`, {}, { token: editorToken })
      expect(revoke.status, revoke.text).toBe(200)
      const revoked = await open(anna)
      expect(revoked.status).toBe(404)
      bodies.add(await revoked.text())
      expect((await open(boris)).status).toBe(200)
      const sendId = (await linkRow('boris@news.example')).send as number | { id: number }
      expect(
        (
          await http.post(
            `/advance/sends/${typeof sendId === 'object' ? sendId.id : sendId}/revoke`,
            {},
            { token: translatorToken },
          )
        ).status,
      ).toBe(403)
      await http.post(
        `/advance/sends/${typeof sendId === 'object' ? sendId.id : sendId}/revoke`,
        {},
        { token: editorToken },
      )
      const sendRevoked = await open(boris)
      expect(sendRevoked.status).toBe(404)
      bodies.add(await sendRevoked.text())
      expect(bodies.size, 'every refusal looks the same').toBe(1)
    })

    it('asks for the embargo terms once, in both languages, before the first link that wants them opens', async () => {
      const { sent } = await sendAheadAs(
        editorToken,
        `id=${releaseId}&audience=chosen&journalists=${journalists.boris}`,
        {
          requireTerms: true,
        },
      )
      expect(sent.status, sent.text).toBe(200)
      await runMailJob()
      const row = await linkRow('boris@news.example')
      const mail = (await mails()).find(
        (m) => m.to?.[0]?.address === 'boris@news.example' && linksIn(m.text ?? '')[0]?.startsWith(`${row.id}.`),
      )!
      const token = linksIn(mail.text ?? '')[0]!
      const terms = await (await open(token)).text()
      expect(terms).toContain('Условия эмбарго')
      expect(terms).toContain('Embargo terms')
      expect(terms).not.toContain(bodyWord)
      expect((await advanceDownload(token, 'pdf', async () => payload)).status).toBe(303)
      const accepted = await open(token, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'accept=yes',
      })
      expect(accepted.status).toBe(303)
      // Boris reads Russian: the Russian text (the release has a Russian title and summary, no body).
      expect(await (await open(token)).text()).toContain('Что дальше')
      const person = await payload.findByID({ collection: 'journalists', id: journalists.boris! })
      expect(person.termsAcceptedAt).toBeTruthy()
      expect((await linkRow('boris@news.example')).termsAcceptedAt).toBeTruthy()
    })

    it('leads every link to the public page in its language once the embargo has passed', async () => {
      // The first send was revoked above: Clara gets a send of her own.
      const { sent } = await sendAheadAs(
        editorToken,
        `id=${releaseId}&audience=chosen&journalists=${journalists.clara}`,
      )
      expect(sent.status, sent.text).toBe(200)
      await runMailJob()
      const row = await linkRow('clara@news.example')
      const clara = (await mails()).find(
        (m) => m.to?.[0]?.address === 'clara@news.example' && linksIn(m.text ?? '')[0]?.startsWith(`${row.id}.`),
      )!
      const tokens = [...new Set(linksIn(clara.text ?? ''))]
      const releaseAt = Date.now() + 800
      await payload.update({
        collection: 'press-releases',
        id: releaseId,
        data: { embargoUntil: new Date(releaseAt).toISOString() } as never,
      })
      // Still the page just before the instant (when this slow machine got here in time).
      const before = await open(tokens[0]!)
      if (Date.now() < releaseAt - 50) expect(before.status).toBe(200)
      await new Promise((resolve) => setTimeout(resolve, releaseAt - Date.now() + 100))
      const locations = await Promise.all(tokens.map(async (token) => (await open(token)).headers.get('location')))
      expect(locations.sort()).toEqual(
        [`${siteUrl}/en/press-releases/advance-release/`, `${siteUrl}/ru/press-releases/advance-release/`].sort(),
      )
      expect((await open(tokens[0]!)).status).toBe(303)
      // Nothing is sent ahead any more once it is public.
      expect((await http.get(`/advance/recipients?id=${releaseId}&audience=all`, { token: editorToken })).status).toBe(
        409,
      )
    })
  })
}
