import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { paragraphsToLexical } from '@pressroom/cms/seed/lexical'
import { privacyNoticeVersion } from '@pressroom/shared'
import { unzipSync } from 'fflate'
import type { Browser, Page } from 'playwright-core'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { watchForCspViolations } from '../lib/cspWatch.ts'
import { type E2ePressRoom, startE2ePressRoom } from '../lib/e2ePressRoom.ts'
import type { RunningMainCommand } from '../lib/mainCommand.ts'
import { repoRoot } from '../lib/paths.ts'
import { run, waitFor } from '../lib/processes.ts'
import { brokenLinks, checksumProblems, htmlProblems, parsedFeeds } from '../lib/siteChecks.ts'
import { describeLighthouse } from './scenarios/lighthouse.ts'

/**
 * The public site as readers get it: the README's main command on a fresh database serves the CMS
 * and the site it built; content published through the CMS appears on the rebuilt site. Every
 * check runs against what the main command serves.
 */
let room: E2ePressRoom
let dir: string
let cms: RunningMainCommand
let cmsUrl: string
let siteUrl: string
let liveDir: string
let browser: Browser
let token: string

type Doc = { id: number; slug: string }

async function api(method: string, pathAndQuery: string, body?: unknown, init: { form?: FormData } = {}) {
  const response = await fetch(`${cmsUrl}/api${pathAndQuery}`, {
    method,
    headers: {
      Authorization: `JWT ${token}`,
      ...(init.form ? {} : { 'Content-Type': 'application/json' }),
    },
    body: init.form ?? (body === undefined ? undefined : JSON.stringify(body)),
  })
  const json = (await response.json()) as { doc?: Doc; errors?: unknown }
  if (!response.ok) throw new Error(`${method} ${pathAndQuery}: ${response.status} ${JSON.stringify(json)}`)
  return json.doc as Doc
}

/** Polls the served site until the path answers with the wanted status; returns the seconds it took. */
async function waitForPage(pathname: string, status = 200, timeoutMs = 90_000): Promise<number> {
  const started = Date.now()
  while (Date.now() - started < timeoutMs) {
    const response = await fetch(`${siteUrl}${pathname}`)
    await response.arrayBuffer()
    if (response.status === status) return (Date.now() - started) / 1000
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`${pathname} did not answer ${status} within ${timeoutMs / 1000} s:\n${cms.output().slice(-3000)}`)
}

const text = paragraphsToLexical

let release: Doc
let outdated: Doc
let draftImage: Doc

beforeAll(async () => {
  room = await startE2ePressRoom({
    name: 'site',
    env: ({ dir }) => ({ SITE_CACHE_DIR: path.join(dir, 'site', 'cache'), SITE_BUILD_CRON: '* * * * * *' }),
  })
  ;({ dir, cms, cmsUrl, siteUrl, liveDir, browser } = room)

  const login = await fetch(`${cmsUrl}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'admin@pressroom.localhost', password: room.adminPassword }),
  })
  token = ((await login.json()) as { token: string }).token

  const topic = await api('POST', '/topics?locale=en', { title: 'Families', slug: 'families' })
  await api('PATCH', `/topics/${topic.id}?locale=ru`, { title: 'Семьи' })

  const png = await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#3a5a78' } })
    .png()
    .toBuffer()
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'families-meeting.png')
  form.append(
    '_payload',
    JSON.stringify({ alt: 'Families meeting the mediators', credit: 'Press room', licence: 'CC BY 4.0' }),
  )
  const image = await api('POST', '/media?locale=en', undefined, { form })
  await api('PATCH', `/media/${image.id}?locale=ru`, { alt: 'Семьи на встрече с посредниками' })
  // Used by a draft only: not public (ADR 0022), so never in the media library.
  const hiddenForm = new FormData()
  hiddenForm.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'draft-only-photo.png')
  hiddenForm.append('_payload', JSON.stringify({ alt: 'A photo of a draft', credit: 'Press room' }))
  draftImage = await api('POST', '/media?locale=en', undefined, { form: hiddenForm })
  await api('POST', '/press-releases?locale=en', {
    title: 'A draft with its own photo',
    place: 'Moscow',
    date: '2026-11-21T12:00:00.000Z',
    body: text(['Not published.']),
    media: [draftImage.id],
    _status: 'draft',
  })

  // In English only: the Russian page shows the English text under a notice.
  release = await api('POST', '/press-releases?locale=en', {
    title: 'Families meet the mediators',
    summary: 'Relatives of people held on both sides met the mediation mission.',
    place: 'Moscow',
    date: '2026-11-20T12:00:00.000Z',
    body: text(['The families asked that their relatives come home alive.']),
    topics: [topic.id],
    media: [image.id],
    _status: 'published',
  })
  // Russian complete, then the English text changes: the CMS marks Russian outdated by itself.
  outdated = await api('POST', '/statements?locale=en', {
    title: 'Statement on humanitarian access',
    place: 'Moscow',
    date: '2026-11-10T12:00:00.000Z',
    body: text(['The first English text.']),
    _status: 'published',
  })
  await api('PATCH', `/statements/${outdated.id}?locale=ru`, {
    title: 'Заявление о гуманитарном доступе',
    body: text(['Инициатива просит о помощи гражданам, лишённым свободы, и их семьям.']),
    translationState: 'complete',
    _status: 'published',
  })
  await api('PATCH', `/statements/${outdated.id}?locale=en`, {
    body: text(['The revised English text, with a correction.']),
    changeNotes: [
      { date: '2026-11-12T12:00:00.000Z', kind: 'correction', note: 'The place of the meeting was corrected.' },
    ],
    _status: 'published',
  })
  await waitForPage(`/en/press-releases/${release.slug}/`)
  await waitForPage(`/ru/statements/${outdated.slug}/`)
})

afterAll(async () => {
  await room?.stop()
})

async function open(pathname: string, options: { javaScript?: boolean; bypassCSP?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({
    javaScriptEnabled: options.javaScript ?? true,
    bypassCSP: options.bypassCSP ?? false,
  })
  const page = await context.newPage()
  const response = await page.goto(`${siteUrl}${pathname}`)
  expect(response?.status(), pathname).toBe(200)
  return page
}

describe('the public site', () => {
  it('shows the seeded founding statement in both languages', async () => {
    const en = await open('/en/statements/founding-statement/')
    expect(await en.locator('h1').textContent()).toMatch(/^Regarding the search for solutions/)
    expect(await en.locator('html').getAttribute('lang')).toBe('en')
    expect(await en.getByText('GC-ST-2021-001').count()).toBeGreaterThan(0)
    const ru = await open('/ru/statements/founding-statement/')
    expect(await ru.locator('h1').textContent()).toMatch(/^О поиске решений/)
    expect(await ru.locator('html').getAttribute('lang')).toBe('ru')
    // Partly translated: the page says so.
    expect(await ru.getByText('Перевод неполный').count()).toBe(1)
    await en.context().close()
    await ru.context().close()
  })

  it('offers a language chooser at / and switches language on a document', async () => {
    const chooser = await open('/')
    expect(await chooser.getByRole('link', { name: 'Русский' }).count()).toBe(1)
    expect(await chooser.getByRole('link', { name: 'English' }).count()).toBe(1)
    await chooser.context().close()

    const page = await open('/en/statements/founding-statement/')
    await page.locator('.lang-switch a').click()
    await page.waitForURL(`${siteUrl}/ru/statements/founding-statement/`)
    expect(await page.locator('html').getAttribute('lang')).toBe('ru')
    await page.context().close()
  })

  it('shows the other language under a notice when a translation is missing, with honest hreflang', async () => {
    const page = await open(`/ru/press-releases/${release.slug}/`)
    expect(await page.getByRole('note').textContent()).toContain('ещё не переведён на русский язык')
    expect(await page.locator('h1').getAttribute('lang')).toBe('en')
    expect(await page.locator('h1').textContent()).toBe('Families meet the mediators')
    const alternates = await page
      .locator('link[rel="alternate"][hreflang]')
      .evaluateAll((links) => links.map((l) => `${l.getAttribute('hreflang')} ${l.getAttribute('href')}`))
    expect(alternates).toEqual([
      `en ${siteUrl}/en/press-releases/${release.slug}/`,
      `x-default ${siteUrl}/en/press-releases/${release.slug}/`,
    ])
    expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toBe(
      `${siteUrl}/en/press-releases/${release.slug}/`,
    )
    // The image is served by the site itself, with its credit and licence.
    const img = page.locator('figure img').first()
    expect(await img.getAttribute('alt')).toBe('Семьи на встрече с посредниками')
    expect(await img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBeGreaterThan(0)
    expect(await page.locator('figcaption').first().textContent()).toContain('CC BY 4.0')
    await page.context().close()
  })

  it('tells readers of an outdated translation when the other version changed', async () => {
    const page = await open(`/ru/statements/${outdated.slug}/`)
    const notice = await page.getByRole('note').textContent()
    expect(notice).toMatch(/Версия на английском языке обновлена \d{1,2} \S+ \d{4}/)
    const en = await open(`/en/statements/${outdated.slug}/`)
    expect(await en.getByText('The place of the meeting was corrected.').count()).toBe(1)
    await page.context().close()
    await en.context().close()
  })

  it('finds Russian word forms with the Russian search («граждан» finds «гражданам»)', async () => {
    // This statement says «гражданам» and never the bare «граждан».
    const source = readFileSync(path.join(liveDir, `ru/statements/${outdated.slug}/index.html`), 'utf8')
    expect(source).toContain('гражданам')
    expect(source).not.toMatch(/(^|[^а-яё])граждан([^а-яё]|$)/i)
    const page = await open('/ru/search/')
    await page.locator('#search input').fill('граждан')
    const links = page.locator('.pagefind-ui__result-link')
    await links.first().waitFor({ timeout: 15_000 })
    await page.waitForFunction(() => document.querySelectorAll('.pagefind-ui__result-link').length >= 2)
    const hrefs = await links.evaluateAll((all) => all.map((a) => a.getAttribute('href')))
    expect(hrefs).toEqual(
      expect.arrayContaining([`/ru/statements/${outdated.slug}/`, '/ru/statements/founding-statement/']),
    )
    // The Russian index holds Russian pages only: the English-only release is not in it.
    expect(hrefs.some((href) => href?.includes('/en/'))).toBe(false)
    // Its filters and each result's label are in Russian, from site/src/i18n/ui.ts.
    const filterNames = page.locator('.pagefind-ui__filter-name')
    await page.waitForFunction(() => document.querySelectorAll('.pagefind-ui__filter-name').length >= 3)
    expect((await filterNames.allTextContents()).map((name) => name.trim()).sort()).toEqual(['Вид', 'Год', 'Тема'])
    const tags = await page.locator('.pagefind-ui__result-tag').allTextContents()
    expect(
      tags.some((tag) => /^Рег\. номер: \S/.test(tag.trim())),
      tags.join(' | '),
    ).toBe(true)
    // Pagefind's own words follow <html lang>; none of the English ones is left, hidden labels included.
    const shown = await page.locator('#search').textContent()
    expect(shown).not.toMatch(/\b(Kind|Topic|Year|Reference|Filters|results?|Search|Load more)\b/i)
    expect(await page.locator('.pagefind-ui__search-input').getAttribute('placeholder')).toBe('Поиск')
    // The count line is right for any number ("Найдено: 2", never "2 результатов").
    const message = (await page.locator('.pagefind-ui__message').textContent())?.trim() ?? ''
    const found = /^Найдено: (\d+) — по запросу «граждан»$/.exec(message)
    expect(found, message).not.toBeNull()
    expect(Number(found?.[1])).toBeGreaterThanOrEqual(hrefs.length)
    await page.context().close()
  })

  it('has its privacy notice, accessibility statement and embargo policy in both languages, linked from every footer and the form', async () => {
    const policies = ['privacy', 'accessibility', 'embargo-policy']
    for (const locale of ['en', 'ru']) {
      // The footer of any page (here the home page) links each one; the subscribe form links the notice.
      const home = await (await fetch(`${siteUrl}/${locale}/`)).text()
      const footer = /<footer class="site">[\s\S]*?<\/footer>/.exec(home)?.[0] ?? ''
      for (const name of policies) expect(footer, `${locale} footer`).toContain(`href="/${locale}/${name}/"`)
      const form = /<form class="subscribe"[\s\S]*?<\/form>/.exec(
        await (await fetch(`${siteUrl}/${locale}/subscribe/`)).text(),
      )
      expect(form?.[0], `${locale} subscribe form`).toContain(`href="/${locale}/privacy/"`)
      for (const name of policies) {
        const page = await (await fetch(`${siteUrl}/${locale}/${name}/`)).text()
        expect(page, `${locale}/${name}`).toMatch(new RegExp(`<html lang="${locale}`))
        expect(page, `${locale}/${name}`).toContain('<article data-pagefind-body')
      }
      // The version shown is the one the CMS records with each consent (shared/src/privacyNotice.ts).
      const privacy = await (await fetch(`${siteUrl}/${locale}/privacy/`)).text()
      expect(privacy).toContain(`data-privacy-version="${privacyNoticeVersion}"`)
    }
    const sitemaps = await (await fetch(`${siteUrl}/sitemap-index.xml`)).text()
    const listed = await Promise.all(
      [...sitemaps.matchAll(/<loc>([^<]+)<\/loc>/g)].map(async (m) => (await fetch(m[1] as string)).text()),
    )
    for (const name of policies) expect(listed.join('\n')).toContain(`<loc>${siteUrl}/ru/${name}/</loc>`)
    // In the search index: a word only the privacy notice uses finds it.
    const page = await open('/en/search/')
    await page.locator('#search input').fill('Resend')
    await page.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 15_000 })
    const hrefs = await page
      .locator('.pagefind-ui__result-link')
      .evaluateAll((all) => all.map((a) => a.getAttribute('href')))
    expect(hrefs).toContain('/en/privacy/')
    await page.context().close() // The CMS's answer to the form wears the site's frame and leads back to the site and its notice.
    const answer = await fetch(`${cmsUrl}/subscriptions/subscribe`, {
      method: 'POST',
      body: new URLSearchParams({ email: 'frame-check@example.org', languages: 'ru', locale: 'ru' }),
    })
    const answered = await answer.text()
    expect(answered).toContain(`<a class="name" href="${siteUrl}/ru/">`)
    expect(answered).toContain(`href="${siteUrl}/ru/privacy/"`)
  })

  it('prints a document without navigation, footer or language switch, with its reference and the link to cite', async () => {
    const page = await open('/ru/statements/founding-statement/')
    const reference = (await page.locator('dl.facts dd').first().textContent())?.trim() ?? ''
    expect(reference).toMatch(/^GC-/)
    const permalink = page.locator('.permalink')
    expect(await permalink.isVisible()).toBe(false)
    await page.emulateMedia({ media: 'print' })
    for (const hidden of ['nav.main', 'footer.site', '.lang-switch', '.skip'])
      expect(await page.locator(hidden).isVisible(), hidden).toBe(false)
    expect(await page.getByText(reference, { exact: true }).first().isVisible()).toBe(true)
    expect(await page.locator('h1').isVisible()).toBe(true)
    // The page's link to cite (a rel="cite-as" short link) when it has one, else its permanent link.
    const citeAs = page.locator('main a[rel~="cite-as"]')
    if ((await citeAs.count()) > 0) {
      expect(await citeAs.first().isVisible()).toBe(true)
      expect(await permalink.isVisible()).toBe(false)
    } else {
      expect(await permalink.isVisible()).toBe(true)
      expect(await permalink.locator('a').getAttribute('href')).toBe(`${siteUrl}/ru/statements/founding-statement/`)
    }
    await page.context().close()
  })

  it('links its feeds from <head>, and every feed parses with items that are pages of the site', async () => {
    const page = await open('/en/statements/')
    const feeds = await page
      .locator('head link[rel="alternate"][type]')
      .evaluateAll((links) => links.map((l) => `${l.getAttribute('type')} ${l.getAttribute('href')}`))
    expect(feeds).toEqual([
      'application/rss+xml /en/rss.xml',
      'application/feed+json /en/feed.json',
      'application/rss+xml /en/statements/rss.xml',
    ])
    await page.context().close()
    const parsed = await parsedFeeds(liveDir)
    expect(parsed.length).toBe(2 * (1 + 3 + 2) + 2)
    const english = parsed.find((f) => f.file === 'en/rss.xml')
    expect(english?.items.map((i) => i.title)).toEqual(
      expect.arrayContaining(['Families meet the mediators', 'Statement on humanitarian access']),
    )
    // Russian feeds carry only Russian documents.
    const russian = parsed.find((f) => f.file === 'ru/rss.xml')
    expect(russian?.items.map((i) => i.title)).not.toContain('Families meet the mediators')
    for (const feed of parsed) {
      for (const item of feed.items) {
        expect(item.id, `${feed.file}: GUID is the permalink`).toBe(item.link)
        const response = await fetch(item.link ?? '')
        expect(response.status, item.link).toBe(200)
      }
    }
  })

  it('lists in its sitemap every page that is its own canonical version, with its real language versions', async () => {
    const index = await (await fetch(`${siteUrl}/sitemap-index.xml`)).text()
    const sitemaps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1] as string)
    expect(sitemaps.length).toBeGreaterThan(0)
    const entries = new Map<string, string[]>()
    for (const sitemap of sitemaps) {
      const xml = await (await fetch(sitemap)).text()
      for (const [, block] of xml.matchAll(/<url>([\s\S]*?)<\/url>/g)) {
        const loc = /<loc>([^<]+)<\/loc>/.exec(block as string)?.[1] as string
        const links = [...(block as string).matchAll(/<xhtml:link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/g)]
        entries.set(
          loc,
          links.map(([, lang, href]) => `${lang} ${href}`),
        )
      }
    }
    const statement = (locale: string) => `${siteUrl}/${locale}/statements/founding-statement/`
    expect(entries.get(statement('en'))).toEqual([
      `en ${statement('en')}`,
      `ru ${statement('ru')}`,
      `x-default ${statement('en')}`,
    ])
    expect(entries.get(statement('ru'))).toEqual(entries.get(statement('en')))
    // Only in English: the English page is listed with no other language; the Russian fallback is not listed.
    const releaseUrl = (locale: string) => `${siteUrl}/${locale}/press-releases/${release.slug}/`
    expect(entries.get(releaseUrl('en'))).toEqual([`en ${releaseUrl('en')}`, `x-default ${releaseUrl('en')}`])
    expect(entries.has(releaseUrl('ru'))).toBe(false)
    // Not found pages say noindex, and are not listed.
    expect([...entries.keys()].filter((url) => url.includes('/404'))).toEqual([])
    expect(entries.has(`${siteUrl}/`)).toBe(true)
    expect(entries.has(`${siteUrl}/en/media-library/`) && entries.has(`${siteUrl}/ru/media-library/`)).toBe(true)
    for (const url of entries.keys()) expect((await fetch(url)).status, url).toBe(200)
  })

  it('gives a document page Open Graph tags, JSON-LD and its own 1200×630 share card; other pages the default card', async () => {
    const head = async (pathname: string) => {
      const html = await (await fetch(`${siteUrl}${pathname}`)).text()
      const meta = new Map<string, string[]>()
      for (const [, key, value] of html.matchAll(/<meta (?:property|name)="([^"]+)" content="([^"]*)"/g)) {
        meta.set(key as string, [...(meta.get(key as string) ?? []), value as string])
      }
      const ld = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)?.[1]
      return { meta, ld: ld ? (JSON.parse(ld) as Record<string, unknown>) : undefined }
    }
    const openCard = async (url: string) => {
      expect(url.startsWith(`${siteUrl}/`), url).toBe(true)
      const response = await fetch(url)
      expect(response.status, url).toBe(200)
      const png = Buffer.from(await response.arrayBuffer())
      expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a')
      const { width, height, format } = await sharp(png).metadata()
      expect({ width, height, format }).toEqual({ width: 1200, height: 630, format: 'png' })
      return png
    }
    for (const locale of ['en', 'ru'] as const) {
      const { meta, ld } = await head(`/${locale}/statements/founding-statement/`)
      const card = `${siteUrl}/${locale}/cards/statements/founding-statement.png`
      expect(meta.get('og:type')).toEqual(['article'])
      expect(meta.get('og:image')).toEqual([card])
      expect(meta.get('og:image:width')).toEqual(['1200'])
      expect(meta.get('og:image:height')).toEqual(['630'])
      expect(meta.get('og:image:alt')?.[0]).toMatch(/\S/)
      expect(meta.get('og:locale')).toEqual([locale === 'en' ? 'en_GB' : 'ru_RU'])
      expect(meta.get('og:locale:alternate')).toEqual([locale === 'en' ? 'ru_RU' : 'en_GB'])
      expect(meta.get('twitter:card')).toEqual(['summary_large_image'])
      expect(meta.get('og:title')?.[0]).toBe(ld?.headline)
      expect(ld).toMatchObject({
        '@context': 'https://schema.org',
        '@type': 'NewsArticle',
        inLanguage: locale,
        identifier: 'GC-ST-2021-001',
        image: [{ url: card, width: 1200, height: 630 }],
        publisher: { '@type': 'Organization' },
      })
      expect(Date.parse(String(ld?.datePublished))).not.toBeNaN()
      expect(Date.parse(String(ld?.dateModified))).toBeGreaterThanOrEqual(Date.parse(String(ld?.datePublished)))
      const png = await openCard(card)
      // The card says in words what it shows: its title travels in the PNG's text chunks.
      expect(png.toString('utf8')).toContain(String(ld?.headline))
    }
    // Shown in Russian but written in English only: the English card.
    const fallback = await head(`/ru/press-releases/${release.slug}/`)
    expect(fallback.meta.get('og:image')).toEqual([`${siteUrl}/en/cards/press-releases/${release.slug}.png`])
    expect(fallback.ld?.identifier).toMatch(/^GC-PR-\d{4}-\d{3}$/)
    // Not a document: the language's default card.
    const home = await head('/ru/')
    expect(home.meta.get('og:type')).toEqual(['website'])
    expect(home.meta.get('og:description')?.[0]).toMatch(/\S/)
    await openCard(home.meta.get('og:image')?.[0] ?? '')
    expect(home.meta.get('og:image')).toEqual([`${siteUrl}/ru/cards/site.png`])
  })

  it('lists in its media library exactly the public images, with their credit, licence and files at their real sizes', async () => {
    const anonymous = (await (await fetch(`${cmsUrl}/api/media?limit=200&depth=0`)).json()) as {
      docs: { id: number; mimeType: string }[]
    }
    const publicImages = anonymous.docs
      .filter((d) => d.mimeType.startsWith('image/'))
      .map((d) => String(d.id))
      .sort()
    expect(publicImages.length).toBeGreaterThan(0)
    expect(publicImages).not.toContain(String(draftImage.id))
    for (const locale of ['en', 'ru'] as const) {
      const page = await open(`/${locale}/`)
      await page
        .locator('footer')
        .getByRole('link', { name: locale === 'en' ? 'Media library' : 'Медиатека' })
        .click()
      await page.waitForURL(`${siteUrl}/${locale}/media-library/`)
      const listed = await page
        .locator('li.media-item')
        .evaluateAll((els) => els.map((el) => el.getAttribute('data-media-id') ?? ''))
      expect(listed.sort()).toEqual(publicImages)
      const families = page.locator('li.media-item', { hasText: 'CC BY 4.0' })
      expect(await families.locator('dd.credit').textContent()).toBe('Press room')
      expect(await families.locator('dd.dimensions').textContent()).toMatch(/^1600 × 900 /)
      const files = await families.locator('ul.downloads a').evaluateAll((els) =>
        els.map((el) => ({
          href: el.getAttribute('href') ?? '',
          bytes: Number(el.getAttribute('data-bytes')),
          size: el.getAttribute('data-size'),
        })),
      )
      expect(files[0]?.size).toBe('original')
      expect(files.map((f) => f.size)).toContain('web')
      for (const file of files) {
        const bytes = (await (await fetch(`${siteUrl}${file.href}`)).arrayBuffer()).byteLength
        expect(bytes, file.href).toBe(file.bytes)
      }
      await page.context().close()
    }
  })

  it('can be browsed through the archive without JavaScript', async () => {
    const page = await open('/en/', { javaScript: false })
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Archive' }).click()
    await page.getByRole('link', { name: '2021' }).click()
    await page.waitForURL(`${siteUrl}/en/archive/2021/`)
    await page.getByRole('link', { name: /^Regarding the search for solutions/ }).click()
    await page.waitForURL(`${siteUrl}/en/statements/founding-statement/`)
    expect(await page.locator('h1').textContent()).toMatch(/^Regarding the search/)
    await page.context().close()
  })

  it('has no accessibility violations (axe) on the main pages in both languages', async () => {
    const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
    const pages = [
      '/',
      '/statements/',
      '/statements/founding-statement/',
      '/search/',
      '/contacts/',
      '/press-kits/founding-documents/',
      '/verify/',
      '/privacy/',
    ]
    for (const locale of ['en', 'ru']) {
      for (const pathname of pages) {
        const target = `/${locale}${pathname}`
        // axe is injected as an inline script, which the site's CSP rightly refuses.
        const page = await open(target, { bypassCSP: true })
        await page.addScriptTag({ content: axeSource })
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run: () => Promise<{ violations: unknown[] }> } }).axe
          const result = await axe.run()
          return result.violations.map((v) => {
            const violation = v as { id: string; nodes: { target: string[] }[] }
            return `${violation.id}: ${violation.nodes.map((n) => n.target.join(' ')).join(', ')}`
          })
        })
        expect(violations, target).toEqual([])
        await page.context().close()
      }
    }
  })

  it('breaks no rule of its Content-Security-Policy on any kind of page, search and subscribing included', async () => {
    const context = await browser.newContext()
    let notFoundPage = ''
    // A not-found page's own 404 is logged as a console error, and so is a missing favicon
    // (neither the site nor the CMS has one); nothing else may be.
    const problems = await watchForCspViolations(
      context,
      (text, url) => text.includes('404') && (url === notFoundPage || url.endsWith('/favicon.ico')),
    )
    const page = await context.newPage()
    const visit = async (pathname: string, status = 200) => {
      // Every resource a page loads by itself has loaded (or been refused) by then.
      const response = await page.goto(`${siteUrl}${pathname}`, { waitUntil: 'load' })
      expect(response?.status(), pathname).toBe(status)
      expect(response?.headers()['content-security-policy'], pathname).toContain("script-src 'self' 'wasm-unsafe-eval'")
      expect(response?.headers()['x-frame-options'], pathname).toBe('DENY')
    }
    await visit('/')
    for (const locale of ['en', 'ru']) {
      for (const pathname of [
        '/',
        '/statements/',
        '/press-releases/',
        '/statements/founding-statement/',
        `/press-releases/${release.slug}/`,
        '/topics/',
        '/topics/families/',
        '/archive/',
        '/archive/2021/',
        '/press-kits/',
        '/press-kits/founding-documents/',
        '/contacts/',
        '/verify/',
        '/about/',
        '/subscribe/',
        '/privacy/',
        '/accessibility/',
        '/embargo-policy/',
      ]) {
        await visit(`/${locale}${pathname}`)
      }
      notFoundPage = `${siteUrl}/${locale}/no-such-page/`
      await visit(`/${locale}/no-such-page/`, 404)
      // Search: Pagefind's script, its WebAssembly and its index load once a query is typed.
      await visit(`/${locale}/search/`)
      await page.locator('#search input').fill(locale === 'en' ? 'solutions' : 'граждан')
      await page.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 15_000 })
      await page.waitForLoadState('networkidle')
    }
    // JSON-LD is present and needs no hash: browsers never run a data block.
    await visit('/en/statements/founding-statement/')
    expect(await page.locator('script[type="application/ld+json"]').count()).toBe(1)
    // The subscription form posts to the CMS, which the policy's form-action allows.
    await visit('/en/subscribe/')
    await page.locator('#email').fill('csp-check@example.org')
    await Promise.all([page.waitForURL(`${cmsUrl}/**`), page.getByRole('button', { name: 'Subscribe' }).click()])
    await page.waitForLoadState('networkidle')
    expect(problems).toEqual([])
    await context.close()
  })

  it('makes no request to any other origin and sets no cookie', async () => {
    const context = await browser.newContext()
    const foreign: string[] = []
    const cookieHeaders: string[] = []
    context.on('request', (request) => {
      if (!request.url().startsWith(siteUrl) && !request.url().startsWith('data:')) foreign.push(request.url())
    })
    context.on('response', async (response) => {
      const cookie = await response.headerValue('set-cookie')
      if (cookie) cookieHeaders.push(`${response.url()}: ${cookie}`)
    })
    const page = await context.newPage()
    for (const pathname of ['/', '/en/', `/ru/press-releases/${release.slug}/`, '/en/subscribe/', '/ru/search/']) {
      await page.goto(`${siteUrl}${pathname}`, { waitUntil: 'networkidle' })
    }
    // A search loads the index, its fragments and the results' data.
    await page.locator('#search input').fill('граждан')
    await page.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 15_000 })
    expect(foreign).toEqual([])
    expect(cookieHeaders).toEqual([])
    expect(await context.cookies()).toEqual([])
    await context.close()
  })

  it('offers the founding statement as a PDF in both languages, with the size and SHA-256 of the served file', async () => {
    for (const locale of ['en', 'ru'] as const) {
      const page = await open(`/${locale}/statements/founding-statement/`)
      const link = page.locator('section.downloads a[href$=".pdf"]').first()
      const href = (await link.getAttribute('href')) ?? ''
      expect(href).toBe(`/${locale}/GC-ST-2021-001-${locale}.pdf`)
      const shown = await page.locator('section.downloads code.hash').first().textContent()
      const response = await fetch(`${siteUrl}${href}`)
      expect(response.status).toBe(200)
      const pdf = Buffer.from(await response.arrayBuffer())
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
      expect(createHash('sha256').update(pdf).digest('hex')).toBe(shown)
      // The block links the verify page, which links the language's checksums.
      await page
        .locator('section.downloads')
        .getByRole('link', { name: /verify|проверить/i })
        .click()
      await page.waitForURL(`${siteUrl}/${locale}/verify/`)
      expect(await page.locator(`a[href="/${locale}/checksums.txt"]`).count()).toBeGreaterThan(0)
      await page.context().close()
    }
  })

  it('links the original language’s PDF from a page shown in the other language, and says so', async () => {
    const page = await open(`/ru/press-releases/${release.slug}/`)
    const links = await page
      .locator('section.downloads a[href$=".pdf"]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('href')))
    expect(links).toHaveLength(1)
    expect(links[0]).toMatch(/^\/en\/.+-en\.pdf$/)
    expect(await page.locator('section.downloads').textContent()).toContain('PDF-версия — на английском языке')
    await page.context().close()
  })

  it('serves the seeded press kit as a ZIP per language holding the founding statement’s PDF edition', async () => {
    for (const locale of ['en', 'ru'] as const) {
      const page = await open(`/${locale}/press-kits/founding-documents/`)
      const href = await page.locator('section.downloads a[href$=".zip"]').first().getAttribute('href')
      expect(href).toBe(`/${locale}/founding-documents-${locale}.zip`)
      const zip = new Uint8Array(await (await fetch(`${siteUrl}${href}`)).arrayBuffer())
      expect(createHash('sha256').update(zip).digest('hex')).toBe(
        await page.locator('section.downloads code.hash').first().textContent(),
      )
      const files = unzipSync(zip)
      const root = `founding-documents-${locale}`
      const served = Buffer.from(await (await fetch(`${siteUrl}/${locale}/GC-ST-2021-001-${locale}.pdf`)).arrayBuffer())
      // The same bytes as the document page's PDF.
      expect(Buffer.from(files[`${root}/documents/GC-ST-2021-001-${locale}.pdf`] ?? [])).toEqual(served)
      expect(Object.keys(files)).toEqual(
        expect.arrayContaining([
          `${root}/fact-sheet.pdf`,
          `${root}/manifest.json`,
          `${root}/images/original/press-room-placeholder.jpg`,
        ]),
      )
      expect(Object.keys(files).some((name) => name.startsWith(`${root}/contacts/`) && name.endsWith('.vcf'))).toBe(
        true,
      )
      await page.context().close()
    }
  })

  it('publishes a checksums.txt per language that matches every PDF and ZIP the site serves', async () => {
    for (const locale of ['en', 'ru'] as const) {
      const { problems, names } = await checksumProblems(`${siteUrl}/${locale}/checksums.txt`)
      expect(problems, locale).toEqual([])
      expect(names).toEqual(
        expect.arrayContaining([`GC-ST-2021-001-${locale}.pdf`, `founding-documents-${locale}.zip`]),
      )
      expect(names.every((name) => name.endsWith(`-${locale}.pdf`) || name.endsWith(`-${locale}.zip`))).toBe(true)
    }
    // The English-only release has no Russian PDF.
    const ru = await (await fetch(`${siteUrl}/ru/checksums.txt`)).text()
    const en = await (await fetch(`${siteUrl}/en/checksums.txt`)).text()
    expect(en.split('\n').length).toBeGreaterThan(ru.split('\n').length)
  })

  it('offers a vCard for each press contact', async () => {
    const page = await open('/en/contacts/')
    const href = await page.locator('a[href$=".vcf"]').first().getAttribute('href')
    const vcard = await (await fetch(`${siteUrl}${href}`)).text()
    expect(vcard).toMatch(/^BEGIN:VCARD\r\nVERSION:4\.0\r\n/)
    expect(vcard).toContain('EMAIL;TYPE=work:')
    await page.context().close()
  })

  it('is valid HTML, and every internal link of the served site resolves', async () => {
    expect(await htmlProblems(liveDir)).toEqual([])
    expect(await brokenLinks(`${siteUrl}/`)).toEqual([])
  })

  it('rebuilds itself when staff publish, correct and unpublish', async () => {
    const doc = await api('POST', '/notices?locale=en', {
      title: 'Notice published during the test',
      date: '2026-11-25T12:00:00.000Z',
      body: text(['Sent to the parties.']),
      _status: 'published',
    })
    const seconds = await waitForPage(`/en/notices/${doc.slug}/`)
    console.log(`[e2e] publish → live page in ${seconds.toFixed(1)} s`)

    await api('PATCH', `/notices/${doc.id}?locale=en`, {
      title: 'Notice corrected during the test',
      changeNotes: [{ date: '2026-11-26T12:00:00.000Z', kind: 'correction', note: 'The title was corrected.' }],
    })
    const html = await waitFor(
      'the corrected notice on the site',
      async () => {
        const page = await (await fetch(`${siteUrl}/en/notices/${doc.slug}/`)).text()
        return page.includes('Notice corrected during the test') ? page : undefined
      },
      { timeoutMs: 90_000, intervalMs: 500 },
    )
    expect(html).toContain('The title was corrected.')

    await api('PATCH', `/notices/${doc.id}`, { _status: 'draft' })
    await waitForPage(`/en/notices/${doc.slug}/`, 404)
    // The language's own 404 page.
    const missing = await fetch(`${siteUrl}/ru/notices/${doc.slug}/`)
    expect(await missing.text()).toContain('Страница не найдена')
  })

  it('works from a mirror under a sub-path', async () => {
    const mirror = path.join(dir, 'mirror-root')
    await run(path.join(repoRoot, 'site/node_modules/.bin/astro'), ['build'], {
      cwd: path.join(repoRoot, 'site'),
      env: {
        ...process.env,
        CMS_URL: cmsUrl,
        SITE_URL: 'https://mirror.example.org',
        SITE_BASE: '/press/',
        SITE_OUT_DIR: path.join(mirror, 'press'),
        SITE_CACHE_DIR: path.join(dir, 'site', 'cache'),
        ASTRO_TELEMETRY_DISABLED: '1',
      },
      stdio: 'ignore',
    })
    const page = readFileSync(path.join(mirror, 'press/en/statements/founding-statement/index.html'), 'utf8')
    expect(page).toContain('href="/press/en/"')
    expect(page).toContain(
      '<link rel="canonical" href="https://mirror.example.org/press/en/statements/founding-statement/">',
    )
    expect(page).not.toMatch(/(href|src)="\/(en|ru|media|files|pagefind)\//)
    const sitemap = readFileSync(path.join(mirror, 'press/sitemap-0.xml'), 'utf8')
    expect(sitemap).toContain(
      '<loc>https://mirror.example.org/press/en/statements/founding-statement/</loc><xhtml:link rel="alternate" hreflang="en" href="https://mirror.example.org/press/en/statements/founding-statement/"/>',
    )
    expect(await htmlProblems(mirror)).toEqual([])
    // Served over HTTPS: the static host's headers add HSTS and upgrade stray http: requests.
    const headers = readFileSync(path.join(mirror, 'press/_headers'), 'utf8')
    expect(headers).toContain('  Strict-Transport-Security: max-age=31536000')
    expect(headers).toMatch(/Content-Security-Policy: .*; upgrade-insecure-requests/)
    expect(readFileSync(path.join(liveDir, '_headers'), 'utf8')).not.toContain('Strict-Transport-Security')
  })
})

// On the site this file built and serves: no second build.
describeLighthouse(() => siteUrl)
