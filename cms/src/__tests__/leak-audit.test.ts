import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'
import PostalMime from 'postal-mime'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sendAhead } from '../advance/sendAhead.ts'
import { advancePath, parseAdvanceToken, signAdvanceToken } from '../advance/token.ts'
import { previewPath, signPreviewToken } from '../preview/token.ts'
import { requirePayloadSecret } from '../secrets/payloadSecret.ts'
import { requestSiteBuild } from '../siteBuild/requestSiteBuild.ts'
import { planDueDigests } from '../subscriptions/digests/planDueDigests.ts'
import {
  createStaff,
  type StaffUser,
  type StartedPayload,
  staffPassword,
  startPayload,
  testDatabase,
} from '../testing/payload.ts'
import { type ServedRest, serveRest } from '../testing/serveRest.ts'
import { type HookRecorder, startHookRecorder } from './helpers/leakAudit/collectors/buildHook.ts'
import { collectOutsideOutputs, type Outputs, recordCounts } from './helpers/leakAudit/collectors/index.ts'
import { publicPageRoutes } from './helpers/leakAudit/collectors/pages.ts'
import { findMarkers } from './helpers/leakAudit/findMarkers.ts'
import { buildLeakFixture, type LeakFixture } from './helpers/leakAudit/fixture.ts'
import { auditJournalistEmail, plantAdvanceSend } from './helpers/leakAudit/fixtureJournalists.ts'
import { occurrences, outboxMailsTo, sendKeysNaming } from './helpers/leakAudit/languageMail.ts'
import { type ItemKey, publicNow } from './helpers/leakAudit/markers.ts'
import { finder, publicPresences, releasedPresences } from './helpers/leakAudit/presences.ts'
import type { AuditRecord } from './helpers/leakAudit/records.ts'
import { hitLines, leakReport, missingPresences } from './helpers/leakAudit/report.ts'
import { assertBuilt, liveSiteDir, runDueSiteBuilds } from './helpers/leakAudit/siteBuild.ts'

/**
 * The leak audit (issue 11): content that is not public yet, and fields that are never public,
 * must reach no output an outsider can read. It plants a marker word in every field, file name
 * and photo (helpers/leakAudit/fixture.ts), builds the real site with the CMS's own build job,
 * reads every output (the built site unpacked, anonymous REST and GraphQL, upload URLs, the
 * public pages, the outbox, the build hook's requests) and searches them all. Then the embargo
 * ends by the clock, the site is rebuilt at that instant, and the release must be everywhere
 * while everything else stays hidden. Each failure names the marker, the output and the text
 * around it; the full list is written to the report file the message names.
 */
const siteUrl = 'https://press.example.org'
const minutes = 60_000

let dir: string
let started: StartedPayload
let payload: Payload
let cms: ServedRest
let hook: HookRecorder
let editor: StaffUser
let fixture: LeakFixture
let outputs: Outputs

/** `digestsAhead`: the clock digests are planned by, so that a period holding the fixture is due. */
async function runMailJobs(digestsAhead: number) {
  await payload.jobs.run({ queue: 'email', limit: 50, silent: true })
  // Digests planned as if their hour had come: they list only what is released by the real clock (docs/adr/0046).
  await planDueDigests(payload, new Date(Date.now() + digestsAhead))
  // The delivery job's cron is off in tests; run it as the cron would.
  await payload.jobs.queue({ task: 'deliverMail', queue: 'email', input: {} })
  await payload.jobs.run({ queue: 'email', limit: 50, silent: true })
}

/** The private links of the audit's vetted journalist, from the e-mails in the outbox (docs/adr/0043). */
async function advanceLinks(): Promise<string[]> {
  const names = readdirSync(path.join(dir, 'outbox')).filter((name) => name.endsWith('.eml'))
  const links: string[] = []
  for (const name of names) {
    const mail = await PostalMime.parse(readFileSync(path.join(dir, 'outbox', name)))
    if (mail.to?.[0]?.address !== auditJournalistEmail) continue
    links.push(...[...(mail.text ?? '').matchAll(/\/embargoed\/([\w.-]+)/g)].map((m) => m[1]!))
  }
  return [...new Set(links)]
}

/** A second advance send, its link revoked by staff at once: the revoked link's token. */
async function sendAheadAgainAndRevoke(): Promise<string> {
  const before = new Set(await advanceLinks())
  const sent = await sendAhead(payload, {
    id: fixture.docs.embargoed!.id,
    audience: { kind: 'all' },
    requireTerms: false,
    by: editor.id,
  })
  await runMailJobs(0)
  await payload.update({
    collection: 'advance-sends',
    id: sent!.sendId,
    data: { revoked: true },
    user: editor,
    overrideAccess: false,
  })
  const fresh = (await advanceLinks()).filter((token) => !before.has(token))
  if (!fresh[0]) throw new Error('The second advance send wrote no e-mail with a link.')
  return fresh[0]
}

/** Fails with a report of every hit of a marker that must not be there; the full list goes to a file. */
function expectNoLeaks(records: AuditRecord[], released: ReadonlySet<ItemKey>, stage: string) {
  const hits = findMarkers(records, fixture.book.hidden(released))
  if (process.env.LEAK_AUDIT_DUMP_DIR) {
    writeFileSync(
      path.join(process.env.LEAK_AUDIT_DUMP_DIR, `${testDatabase}-${stage}.ndjson`),
      records.map((r) => JSON.stringify(r)).join('\n'),
    )
  }
  const file = path.join(os.tmpdir(), `pressroom-leak-audit-${testDatabase}-${stage}.tsv`)
  writeFileSync(file, `${hitLines(hits)}\n`)
  const searched = `searched ${records.length} records (${recordCounts(records)}); every hit: ${file}`
  expect(hits.length, `${leakReport(hits)}\n${searched}`).toBe(0)
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'pressroom-leak-audit-'))
  hook = await startHookRecorder()
  started = await startPayload({
    env: {
      SITE_BUILD: 'on',
      SITE_BUILD_CRON: 'off',
      SITE_BUILD_HOOK_URL: hook.url,
      SITE_RELEASES_DIR: path.join(dir, 'releases'),
      SITE_LIVE_DIR: path.join(dir, 'live'),
      SITE_CACHE_DIR: path.join(dir, 'site-file-cache'),
      SITE_ASTRO_CACHE_DIR: path.join(dir, 'astro-cache'),
      SITE_URL: siteUrl,
      MAIL_OUTBOX_DIR: path.join(dir, 'outbox'),
      // The audit reads what each e-mail says at each moment; when an e-mail may go (once its page
      // answers on SITE_URL, which nothing serves here) is site-build-job.test.ts's (docs/adr/0044).
      PUBLICATION_MAIL_WAITS_FOR: 'nothing',
    },
  })
  payload = started.payload
  cms = await serveRest(payload, publicPageRoutes(payload))
  process.env.SITE_BUILD_CMS_URL = cms.url
  process.env.PUBLIC_CMS_URL = cms.url
  editor = await createStaff(payload, 'editor')
  for (const [locale, name] of [
    ['en', 'Bring them home alive'],
    ['ru', 'Вернём их домой живыми'],
  ] as const) {
    // Publication e-mails go at once, so the audit reads them (the grace period: confirmation.test.ts).
    await payload.updateGlobal({
      slug: 'site-settings',
      locale,
      data: {
        organizationName: name,
        publicationEmailGraceSeconds: 0,
        notesToEditors: locale === 'en' ? 'Who we are, for editors.' : 'Кто мы — для редакций.',
      },
    })
  }
  // Digests go 12 hours from now, so the fixture is well inside the digest period planned above.
  const hourInMoscow = Number(
    new Intl.DateTimeFormat('en', { hour: 'numeric', hourCycle: 'h23', timeZone: 'Europe/Moscow' }).format(new Date()),
  )
  // Weekly digests go three days after the next daily one: the week holding the embargo's end is
  // planned only after it (the daily period holding the fixture is planned before).
  const weekday = new Intl.DateTimeFormat('en', { weekday: 'long', timeZone: 'Europe/Moscow' })
    .format(new Date(Date.now() + (12 + 3 * 24) * 60 * minutes))
    .toLowerCase()
  await payload.updateGlobal({
    slug: 'site-settings',
    data: { digestHour: (hourInMoscow + 12) % 24, digestWeekday: weekday as 'monday' },
  })
  fixture = await buildLeakFixture(payload, editor)
  await plantAdvanceSend(payload, fixture.book, editor, fixture.docs.embargoed!.id)
  outputs = {
    origin: cms.url,
    siteDir: '',
    outboxDir: path.join(dir, 'outbox'),
    hook,
    pages: { subscribers: fixture.subscribers, acknowledgementLink: fixture.acknowledgementLink },
  }
}, 5 * minutes)

afterAll(async () => {
  await cms?.close()
  await hook?.close()
  await started?.stop()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

describe(`the leak audit (${testDatabase})`, () => {
  let before: AuditRecord[]

  beforeAll(async () => {
    // Tomorrow's daily boundary: the daily period holding the fixture.
    await runMailJobs(25 * 60 * minutes)
    // Every change so far queued a build: they go to the external build hook first...
    await runDueSiteBuilds(payload)
    // ...then the CMS builds the real site itself.
    delete process.env.SITE_BUILD_HOOK_URL
    await requestSiteBuild(payload, 'leak audit')
    assertBuilt(await runDueSiteBuilds(payload), 'before the embargo')
    outputs.siteDir = await liveSiteDir()
    before = await collectOutsideOutputs(payload, outputs)
  }, 8 * minutes)

  it('before the embargo, no output shows anything unreleased, nor any private field', () => {
    expectNoLeaks(before, publicNow, 'before-embargo')
  })

  it('before the embargo, every output shows the public content (the audit sees what it searches)', () => {
    const missing = missingPresences(before, publicPresences(fixture))
    expect(missing, missing.join('\n')).toEqual([])
    expect(hook.records().length, 'the build hook received nothing').toBeGreaterThan(0)
    const pages = before.filter((r) => r.where.startsWith('page '))
    expect(pages.filter((r) => !r.text.startsWith('200')).map((r) => r.where)).toEqual([])
    // The staff previews were asked for, for the embargoed release too, and refused every time (docs/adr/0038).
    const previews = before.filter((r) => r.where.startsWith('preview '))
    expect(previews.some((r) => r.where.includes(`id=${fixture.docs.embargoed!.id}&`))).toBe(true)
    expect(previews.filter((r) => !r.text.startsWith('401')).map((r) => r.where)).toEqual([])
    expect(
      before.some((r) => r.where.includes('to pending-journalist@example.org')),
      'no confirmation e-mail',
    ).toBe(true)
  })

  it('before its embargo, the English-only release is in no e-mail of any kind and has no send planned (docs/adr/0045, 0046)', async () => {
    const englishOnly = fixture.docs.englishOnly!
    expect(await sendKeysNaming(payload, 'press-releases', englishOnly.id)).toEqual([])
    const its = fixture.book.all.filter((m) => m.item === 'englishOnly').map((m) => m.id.toLowerCase())
    const mails = before.filter((r) => r.where.startsWith('e-mail '))
    const told = mails.filter((r) => its.some((id) => r.text.toLowerCase().includes(id)))
    expect(told.map((r) => r.where)).toEqual([])
    // The mailboxes were read: the Russian-only reader got the bilingual release in Russian, and the
    // daily digest (whose period holds the embargo's end, planned before it) was written.
    expect(mails.some((r) => r.where.includes('to russian-only-journalist@example.org'))).toBe(true)
    expect(mails.some((r) => r.where.includes('to digest-journalist@example.org'))).toBe(true)
  })

  it('document pages show the link to cite and the notes to editors; short links are redirect pages kept out of the sitemap and the search index (docs/adr/0047)', async () => {
    const file = (relative: string) => readFileSync(path.join(outputs.siteDir, relative), 'utf8')
    const { slug, id } = fixture.docs.publicRelease!
    const { referenceNumber: ref } = await payload.findByID({ collection: 'press-releases', id })
    const page = file(`ru/press-releases/${slug}/index.html`)
    expect(page).toContain('Ссылка для цитирования')
    expect(page).toContain(`<a rel="cite-as" href="${siteUrl}/ref/${ref}/">${siteUrl}/ref/${ref}/</a>`)
    expect(page).toContain('Кто мы — для редакций.')
    expect(file(`en/press-releases/${slug}/index.html`)).toContain('Who we are, for editors.')

    const russian = file(`ru/ref/${ref}/index.html`)
    expect(russian).toContain(`<meta http-equiv="refresh" content="0; url=/ru/press-releases/${slug}/">`)
    expect(russian).toContain(`<link rel="canonical" href="${siteUrl}/ru/press-releases/${slug}/">`)
    expect(russian).toContain(`<a href="/ru/press-releases/${slug}/"`)
    expect(russian).toContain('<meta name="robots" content="noindex">')
    const neutral = file(`ref/${ref}/index.html`)
    expect(neutral).toContain('<meta name="robots" content="noindex">')
    expect(neutral).toContain('src="/scripts/ref.js"')
    expect(neutral).not.toContain('http-equiv="refresh"')
    for (const locale of ['en', 'ru'])
      expect(neutral).toMatch(
        new RegExp(`<a href="/${locale}/press-releases/${slug}/"[^>]*data-ref-locale="${locale}"`),
      )

    // No ref page is listed in the sitemap or indexed for search (a document's text may name its link).
    const sitemaps = before.filter((r) => /^site sitemap[^/]*\.xml$/.test(r.where))
    expect(sitemaps.length).toBeGreaterThan(0)
    expect(sitemaps.filter((r) => r.text.includes('/ref/')).map((r) => r.where)).toEqual([])
    const fragments = before.filter((r) => /^site pagefind\/fragment\//.test(r.where))
    expect(fragments.filter((r) => r.text.includes(`/press-releases/${slug}/`)).length).toBeGreaterThan(0)
    expect(fragments.filter((r) => /"url":"[^"]*\/ref\//.test(r.text)).map((r) => r.where)).toEqual([])
  })

  describe('page previews (docs/adr/0037-previews.md)', () => {
    const open = async (token: string) => {
      const response = await fetch(`${cms.url}${previewPath(token)}`)
      return { response, html: await response.text() }
    }
    const sign = (
      collection: 'press-releases' | 'press-kits',
      id: number | string,
      locale: 'en' | 'ru',
      now?: number,
    ) => signPreviewToken(requirePayloadSecret(), { collection, id: String(id), locale }, now)
    const anyMarker = (html: string) => fixture.book.all.filter((m) => html.toLowerCase().includes(m.id.toLowerCase()))
    const expectPrivate = (response: Response) => {
      expect(response.headers.get('x-robots-tag')).toBe('noindex, nofollow')
      expect(response.headers.get('cache-control')).toBe('private, no-store')
      expect(response.headers.get('referrer-policy')).toBe('no-referrer')
    }

    it('a signed link shows the embargoed release as its page will be, never indexed nor cached', async () => {
      const { response, html } = await open(sign('press-releases', fixture.docs.embargoed!.id, 'ru'))
      expect(response.status).toBe(200)
      expectPrivate(response)
      expect(html).toContain('<meta name="robots" content="noindex">')
      expect(html).toContain('Предпросмотр — не опубликовано')
      const shown = anyMarker(html)
      expect(shown.some((m) => m.item === 'embargoed')).toBe(true)
      // Only what the page will show: no private field, nothing of another unreleased item.
      expect(shown.filter((m) => m.private || (m.item !== 'embargoed' && !publicNow.has(m.item)))).toEqual([])
    })

    it('shows nothing without a valid signature: missing, tampered, expired, for another id or language, or no such document', async () => {
      const embargoed = fixture.docs.embargoed!.id
      const genuine = sign('press-releases', embargoed, 'en')
      const [collection, , locale, expires, signature] = genuine.split('.')
      const flipped = `${genuine.slice(0, -1)}${genuine.endsWith('A') ? 'B' : 'A'}`
      const refused = {
        missing: `${collection}.${embargoed}.${locale}.${expires}`,
        empty: '',
        tampered: flipped,
        expired: sign('press-releases', embargoed, 'en', Date.now() - 2 * 3600_000),
        'another id': `${collection}.${fixture.docs.publicRelease!.id}.${locale}.${expires}.${signature}`,
        'another language': `${collection}.${embargoed}.ru.${expires}.${signature}`,
        'another collection': `statements.${embargoed}.${locale}.${expires}.${signature}`,
        'no such document': sign('press-releases', 987654, 'en'),
      }
      const answers = new Set<string>()
      for (const [why, token] of Object.entries(refused)) {
        const { response, html } = await open(token)
        expect(response.status, why).toBe(404)
        expectPrivate(response)
        expect(anyMarker(html), why).toEqual([])
        answers.add(html)
      }
      expect(answers.size, 'every refusal must look the same').toBe(1)
    })

    it("an embargoed release's photo and file show through its own preview link only", async () => {
      const embargoed = fixture.docs.embargoed!.id
      const own = sign('press-releases', embargoed, 'en')
      const { html } = await open(own)
      // The page's images and files come through its own link; its page links go to the public site.
      const photo = fixture.images.embargoed!
      const stem = photo.filename.replace(/\.jpg$/, '')
      const shown = [...html.matchAll(/<img src="([^"]+)"/g)].map((m) => m[1] ?? '')
      const ownPhoto = shown.find((src) => src.includes(stem))
      expect(ownPhoto, 'the preview shows the draft photo').toMatch(
        new RegExp(`^/preview/${own.replace(/\./g, '\\.')}/media/`),
      )
      expect(html).toContain(`href="${siteUrl}/en/"`)
      expect(html).toMatch(
        new RegExp(`href="/preview/press-releases\\.${embargoed}\\.ru\\.${own.split('.')[3]}\\.[\\w-]{43}"`),
      )
      const image = await fetch(`${cms.url}${ownPhoto}`)
      expect(image.status).toBe(200)
      expectPrivate(image)
      expect(image.headers.get('content-type')).toMatch(/^image\//)
      const bytes = Buffer.from(await image.arrayBuffer())
      expect(bytes.includes(Buffer.from(photo.gps)), 'the GPS position stays out').toBe(false)
      const file = fixture.files.embargoed!.filename
      const download = await fetch(`${cms.url}${previewPath(own)}/files/${encodeURIComponent(file)}`)
      expect(download.status).toBe(200)
      expectPrivate(download)
      await download.arrayBuffer()

      // Not through another document's link, a forged or expired one, nor for another file.
      const original = `/media/${encodeURIComponent(photo.filename)}`
      const [collection, , locale, expires, signature] = own.split('.')
      const refused = {
        'another document': sign('press-releases', fixture.docs.publicRelease!.id, 'en'),
        'another draft': sign('press-releases', fixture.docs.draftRelease!.id, 'en'),
        tampered: `${own.slice(0, -1)}${own.endsWith('A') ? 'B' : 'A'}`,
        expired: sign('press-releases', embargoed, 'en', Date.now() - 2 * 3600_000),
        'another id': `${collection}.${fixture.docs.publicRelease!.id}.${locale}.${expires}.${signature}`,
      }
      for (const [why, token] of Object.entries(refused)) {
        const refusal = await fetch(`${cms.url}${previewPath(token)}${original}`)
        expect(refusal.status, why).toBe(404)
        expectPrivate(refusal)
        expect(anyMarker(await refusal.text()), why).toEqual([])
      }
      const otherPhoto = `/media/${encodeURIComponent(fixture.images.draftRelease!.filename)}`
      const other = await fetch(`${cms.url}${previewPath(own)}${otherPhoto}`)
      expect(other.status, "another draft's photo").toBe(404)
      expect((await fetch(`${cms.url}${previewPath(own)}/media/..%2F..%2Fpackage.json`)).status).toBe(404)
    })

    it('a press kit previews with only the publications the public can read', async () => {
      const { response, html } = await open(sign('press-kits', fixture.docs.draftKit!.id, 'en'))
      expect(response.status).toBe(200)
      const shown = anyMarker(html)
      expect(shown.some((m) => m.item === 'draftKit')).toBe(true)
      expect(shown.some((m) => m.item === 'publicRelease')).toBe(true)
      expect(shown.filter((m) => m.private || (m.item !== 'draftKit' && !publicNow.has(m.item)))).toEqual([])
    })

    it('the Preview button signs a link for staff, translators too, and for nobody else', async () => {
      const translator = await createStaff(payload, 'translator')
      const { token } = await payload.login({
        collection: 'users',
        data: { email: translator.email, password: staffPassword },
      })
      const button = `${cms.url}/api/preview-link/notices/${fixture.docs.publicNotice!.id}/ru`
      const signed = await fetch(button, { headers: { Authorization: `JWT ${token}` }, redirect: 'manual' })
      expect(signed.status).toBe(302)
      expectPrivate(signed)
      const location = signed.headers.get('location') ?? ''
      expect(location).toMatch(/^\/preview\/notices\.\d+\.ru\.\d+\.[\w-]{43}$/)
      // The latest draft, not the published version: the unpublished draft on top of the public notice.
      const { response, html } = await open(location.slice('/preview/'.length))
      expect(response.status).toBe(200)
      expect(anyMarker(html).some((m) => m.item === 'noticeDraft')).toBe(true)
      expect((await fetch(button, { redirect: 'manual' })).status).toBe(401)
      const other = `${cms.url}/api/preview-link/users/${translator.id}/ru`
      expect((await fetch(other, { headers: { Authorization: `JWT ${token}` }, redirect: 'manual' })).status).toBe(404)
    })

    it("where Russian is missing, the Russian preview shows the site's fallback notice and the English draft", async () => {
      const draft = await payload.create({
        collection: 'press-releases',
        locale: 'en',
        draft: true,
        data: { title: 'An English-only draft', slug: 'english-only-draft', _status: 'draft' },
      })
      const { response, html } = await open(sign('press-releases', draft.id, 'ru'))
      expect(response.status).toBe(200)
      expect(html).toContain('<html lang="ru">')
      expect(html).toContain('Этот документ ещё не переведён на русский язык')
      expect(html).toContain('An English-only draft')
    })

    it('the static site has no preview route and no preview page', () => {
      const files = (readdirSync(outputs.siteDir, { recursive: true }) as string[]).map(String)
      expect(files.filter((f) => /(^|\/)preview(\/|$)/.test(f))).toEqual([])
      const pages = files.filter((f) => f.endsWith('.html'))
      expect(pages.length).toBeGreaterThan(0)
      for (const page of pages) {
        const html = readFileSync(path.join(outputs.siteDir, page), 'utf8')
        expect(html.includes('Preview — not published') || html.includes('preview-banner'), page).toBe(false)
      }
    })
  })

  describe('advance links to vetted journalists (docs/adr/0043)', () => {
    const anyMarker = (text: string) => fixture.book.all.filter((m) => text.toLowerCase().includes(m.id.toLowerCase()))
    const expectPrivate = (response: Response) => {
      expect(response.headers.get('x-robots-tag')).toBe('noindex, nofollow')
      expect(response.headers.get('cache-control')).toBe('private, no-store')
      expect(response.headers.get('referrer-policy')).toBe('no-referrer')
    }
    const open = (token: string, sub = '') => fetch(`${cms.url}${advancePath(token)}${sub}`, { redirect: 'manual' })

    it("the journalist's own link shows the embargoed release, its PDF and kit, and nothing private", async () => {
      const [link] = await advanceLinks()
      expect(link, 'the advance e-mail reached the outbox with its link').toBeTruthy()
      const response = await open(link!)
      const html = await response.text()
      expect(response.status).toBe(200)
      expectPrivate(response)
      expect(html).toContain('<meta name="robots" content="noindex, nofollow">')
      const shown = anyMarker(html)
      expect(shown.some((m) => m.item === 'embargoed')).toBe(true)
      expect(shown.filter((m) => m.private || (m.item !== 'embargoed' && !publicNow.has(m.item)))).toEqual([])
      for (const what of ['/pdf', '/kit']) {
        const file = await open(link!, what)
        expect(file.status, what).toBe(200)
        expectPrivate(file)
        await file.arrayBuffer()
      }
    })

    it('anonymous REST cannot list journalists, groups or the advance log; forged, expired, revoked and foreign links get one 404', async () => {
      for (const collection of ['journalists', 'journalist-groups', 'advance-sends', 'advance-links']) {
        const answer = await fetch(`${cms.url}/api/${collection}?depth=2&limit=100`)
        expect([401, 403], collection).toContain(answer.status)
        expect(anyMarker(await answer.text()), collection).toEqual([])
      }
      const [link] = await advanceLinks()
      const parsed = parseAdvanceToken(link!)!
      const row = await payload.findByID({ collection: 'advance-links', id: parsed.id, overrideAccess: true })
      const other = fixture.docs.publicRelease!.id
      const refused = {
        malformed: 'nothing-here',
        tampered: `${link!.slice(0, -2)}${link!.endsWith('AA') ? 'BB' : 'AA'}`,
        expired: signAdvanceToken(requirePayloadSecret(), row, 'en', new Date(Date.now() - 1000)),
        'another row': `${parsed.id + 1000}.${parsed.locale}.${parsed.expires}.${parsed.signature}`,
        'a preview token': signPreviewToken(requirePayloadSecret(), {
          collection: 'press-releases',
          id: String(other),
          locale: 'en',
        }),
      }
      const answers = new Set<string>()
      for (const [why, token] of Object.entries(refused)) {
        const response = await open(token)
        expect(response.status, why).toBe(404)
        expectPrivate(response)
        const text = await response.text()
        expect(anyMarker(text), why).toEqual([])
        answers.add(text)
      }
      const spare = await sendAheadAgainAndRevoke()
      const revoked = await open(spare)
      expect(revoked.status).toBe(404)
      answers.add(await revoked.text())
      expect(answers.size, 'every refusal must look the same').toBe(1)
    })

    it('the static site has no advance route and no advance page', () => {
      const files = (readdirSync(outputs.siteDir, { recursive: true }) as string[]).map(String)
      expect(files.filter((f) => /(^|\/)embargoed(\/|$)/.test(f))).toEqual([])
    })
  })

  describe('when the embargo ends', () => {
    let editorsChange: AuditRecord[]
    let after: AuditRecord[]

    beforeAll(async () => {
      const embargoed = fixture.docs.embargoed!
      // An editor brings the embargoes forward to a few seconds from now; the clock then ends them.
      const releaseAt = Date.now() + 10_000
      process.env.SITE_BUILD_HOOK_URL = hook.url
      for (const { id } of [embargoed, fixture.docs.englishOnly!])
        await payload.update({
          collection: 'press-releases',
          id,
          user: editor,
          overrideAccess: false,
          data: { embargoUntil: new Date(releaseAt).toISOString() },
        })
      const seen = hook.records().length
      await runDueSiteBuilds(payload)
      const stillEmbargoed = await fetch(`${cms.url}/api/press-releases/${embargoed.id}?locale=all`)
      editorsChange = [
        ...hook.records().slice(seen),
        {
          where: `REST GET /api/press-releases/${embargoed.id} (just before the embargo ends)`,
          text: await stillEmbargoed.text(),
        },
      ]
      if (Date.now() >= releaseAt)
        throw new Error(
          'The embargo ended before the audit had read what its change revealed; the machine is too slow for a 10 s embargo.',
        )
      await new Promise((resolve) => setTimeout(resolve, releaseAt - Date.now() + 500))

      delete process.env.SITE_BUILD_HOOK_URL
      // Eight days on: the weekly period holding the embargo's end is due (its daily one was planned before).
      await runMailJobs(8 * 24 * 60 * minutes)
      const builds = await runDueSiteBuilds(payload)
      const built = assertBuilt(builds, 'at the end of the embargo')
      expect(built.timing, 'the site was not rebuilt by the build scheduled at the embargo instant').toBe('scheduled')
      outputs.siteDir = await liveSiteDir()
      after = await collectOutsideOutputs(payload, outputs)
    }, 8 * minutes)

    it('until that instant, the change the editor made reveals nothing', () => {
      expectNoLeaks(editorsChange, publicNow, 'editors-change')
    })

    it('the release is then everywhere the public reads (pages, feeds, sitemap, search, PDF, ZIP, image, file, API, e-mail)', () => {
      const missing = missingPresences(after, releasedPresences(fixture))
      expect(missing, missing.join('\n')).toEqual([])
    })

    it("the vetted journalist's link now leads to the public page in its language", async () => {
      const links = await advanceLinks()
      const live = []
      for (const token of links) {
        const response = await fetch(`${cms.url}${advancePath(token)}`, { redirect: 'manual' })
        if (response.status === 303) live.push(response.headers.get('location'))
      }
      expect(live.length, 'a link not revoked leads to the public page').toBeGreaterThan(0)
      for (const location of live) expect(location).toMatch(new RegExp(`^${siteUrl}/(en|ru)/press-releases/`))
    })

    it('private fields and everything still unreleased stay out of every output', () => {
      expectNoLeaks(after, new Set([...publicNow, 'embargoed', 'englishOnly']), 'after-embargo')
    })

    it('the Russian-only reader is then told of the English-only release, and the weekly digest lists it once (docs/adr/0045, 0046)', async () => {
      const { id } = fixture.docs.englishOnly!
      const keys = await sendKeysNaming(payload, 'press-releases', id)
      expect(keys).toContain(`language-notice:press-releases:${id}:ru`)
      expect(keys.filter((key) => key.endsWith(':ru') && !key.startsWith('language-notice:'))).toEqual([])
      const title = finder(fixture)('englishOnly', 'ti', 'en').id
      const notices = (await outboxMailsTo(outputs.outboxDir, 'russian-only-journalist@example.org')).filter(
        (mail) => occurrences(mail.text, title) > 0,
      )
      expect(notices).toHaveLength(1)
      expect(notices[0]!.html).toContain('lang="ru"')
      const digests = (await outboxMailsTo(outputs.outboxDir, 'weekly-journalist@example.org')).filter(
        (mail) => occurrences(mail.text, title) > 0,
      )
      expect(digests).toHaveLength(1)
      expect(occurrences(digests[0]!.text, title)).toBe(1)
    })
  })
})
