import path from 'node:path'
import { documentPath, kindByCollection, type Locale } from '@pressroom/shared'
import {
  buildPressKitZip,
  type EditionDocument,
  editionFromPublication,
  type PressKitImage,
  renderPdfEdition,
} from '@pressroom/shared/editions'
import { unzipSync } from 'fflate'
import type { Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { paragraphsToLexical } from '../seed/lexical.ts'
import { type StartedPayload, startPayload, testDatabase } from '../testing/payload.ts'
import { httpClient } from './helpers/http.ts'
import { pdfText } from './helpers/pdf.ts'

let started: StartedPayload
let payload: Payload
const site = 'https://press.example.org'

beforeAll(async () => {
  started = await startPayload()
  payload = started.payload
  await payload.updateGlobal({ slug: 'site-settings', data: { organizationName: 'Test Initiative' } })

  const published = await payload.create({
    collection: 'statements',
    locale: 'en',
    data: {
      title: 'Published statement',
      slug: 'published-statement',
      place: 'Moscow',
      date: '2026-02-01T09:00:00.000Z',
      body: paragraphsToLexical(['The published text.']),
      signatories: [{ name: 'The Board' }],
      changeNotes: [{ date: '2026-02-03T09:00:00.000Z', kind: 'correction', note: 'A typo was corrected.' }],
      _status: 'published',
    },
  })
  await payload.update({
    collection: 'statements',
    id: published.id,
    locale: 'ru',
    data: {
      title: 'Опубликованное заявление',
      place: 'Москва',
      body: paragraphsToLexical(['Опубликованный текст.']),
      signatories: [{ id: published.signatories?.[0]?.id, name: 'Правление' }],
      changeNotes: [{ id: published.changeNotes?.[0]?.id, note: 'Исправлена опечатка.' }],
      _status: 'published',
    },
  })
  const draftOnly = await payload.create({
    collection: 'statements',
    data: { title: 'SECRET DRAFT', slug: 'secret-draft', date: '2026-02-02', body: paragraphsToLexical(['x']) },
    draft: true,
  })
  const revised = await payload.create({
    collection: 'notices',
    data: {
      title: 'Published notice',
      slug: 'published-notice',
      date: '2026-02-04',
      body: paragraphsToLexical(['The notice as published.']),
      addressees: [{ group: 'Embassies in Moscow' }],
      _status: 'published',
    },
  })
  await payload.update({
    collection: 'notices',
    id: revised.id,
    draft: true,
    data: { title: 'UNPUBLISHED REVISION', body: paragraphsToLexical(['UNPUBLISHED BODY']), _status: 'draft' },
  })
  const embargoed = await payload.create({
    collection: 'press-releases',
    data: {
      title: 'EMBARGOED RELEASE',
      slug: 'embargoed-release',
      date: '2026-02-05',
      embargoUntil: new Date(Date.now() + 24 * 3600_000).toISOString(),
      body: paragraphsToLexical(['EMBARGOED BODY']),
      _status: 'published',
    },
  })

  const photo = await sharp({ create: { width: 2000, height: 1000, channels: 3, background: '#405060' } })
    .jpeg()
    .toBuffer()
  const image = await payload.create({
    collection: 'media',
    locale: 'en',
    file: { data: photo, name: 'office.jpg', mimetype: 'image/jpeg', size: photo.length },
    data: {
      alt: 'The office',
      caption: 'The office',
      credit: 'Press room',
      licence: 'CC0 1.0',
      consentNote: 'CONSENT-NOTE given in writing',
    },
  })

  const kit = await payload.create({
    collection: 'press-kits',
    locale: 'en',
    data: {
      title: 'Test kit',
      slug: 'test-kit',
      description: 'A kit with public and non-public documents.',
      publications: [
        { relationTo: 'statements', value: published.id },
        { relationTo: 'statements', value: draftOnly.id },
        { relationTo: 'notices', value: revised.id },
        { relationTo: 'press-releases', value: embargoed.id },
      ],
      media: [image.id],
      _status: 'published',
    },
  })
  await payload.update({ collection: 'press-kits', id: kit.id, locale: 'ru', data: { title: 'Тестовый кит' } })
})

afterAll(async () => {
  await started?.stop()
})

/**
 * What the site build does: read the kit from the public REST API without a token, keep the
 * publications the API populated (the rest come back as bare ids), and pack them.
 */
async function packAsTheSiteWould(locale: Locale) {
  const http = httpClient(payload)
  const res = await http.get(`/press-kits?where[slug][equals]=test-kit&locale=${locale}&depth=1`)
  expect(res.status).toBe(200)
  const kit = res.json.docs[0]
  // The consent note is for staff: the public API never hands it to the build (docs/adr/0025).
  expect(res.text).not.toContain('CONSENT-NOTE')
  const organizationName = (await http.get(`/globals/site-settings?locale=${locale}`)).json.organizationName

  const editions: EditionDocument[] = []
  for (const { relationTo, value } of kit.publications as { relationTo: string; value: unknown }[]) {
    if (typeof value !== 'object' || value === null) continue
    const { kind } = kindByCollection(relationTo)
    const doc = value as { slug: string }
    editions.push(
      editionFromPublication(value, {
        locale,
        kind,
        organizationName,
        url: site + documentPath(locale, kind, doc.slug),
      }),
    )
  }
  const dir = path.join(started.uploadDir, 'media')
  const images: PressKitImage[] = kit.media.map((m: any) => ({
    filename: m.filename,
    original: { file: path.join(dir, m.filename) },
    width: m.width,
    height: m.height,
    webVersions: ['web', 'webWebp'].map((size) => ({
      filename: m.sizes[size].filename,
      source: { file: path.join(dir, m.sizes[size].filename) },
      width: m.sizes[size].width,
      height: m.sizes[size].height,
    })),
    alt: m.alt,
    caption: m.caption,
    credit: m.credit,
    licence: m.licence,
  }))
  const built = await buildPressKitZip({
    locale,
    slug: kit.slug,
    title: kit.title,
    description: kit.description,
    organizationName,
    url: `${site}/${locale}/press-kits/${kit.slug}/`,
    images,
    documents: editions.map((edition) => ({ edition })),
  })
  return { built, editions, files: unzipSync(built.zip) }
}

describe(`press-kit ZIPs from the public API (${testDatabase})`, () => {
  it('hold only published, released documents in their published version', async () => {
    const { built, editions, files } = await packAsTheSiteWould('en')
    expect(editions.map((e) => e.referenceNumber)).toEqual([
      expect.stringMatching(/^GC-ST-2026-\d{3}$/),
      expect.stringMatching(/^GC-NT-2026-\d{3}$/),
    ])
    const names = Object.keys(files)
    expect(names.filter((n) => n.includes('/documents/'))).toEqual(
      editions.map((e) => `test-kit-en/documents/${e.referenceNumber}-en.pdf`).sort(),
    )
    expect(names).toContain('test-kit-en/images/web/office-1200x600.webp')

    let everything = ''
    for (const [name, data] of Object.entries(files)) {
      everything += name.endsWith('.pdf') ? await pdfText(data) : Buffer.from(data).toString()
    }
    expect(everything).toContain('Published statement')
    expect(everything).toContain('The notice as published.')
    expect(everything).toContain('Embassies in Moscow')
    for (const secret of ['SECRET DRAFT', 'UNPUBLISHED', 'EMBARGOED', 'CONSENT-NOTE']) {
      expect(everything).not.toContain(secret)
    }
    expect(built.manifest.files.some((f) => f.credit === 'Press room' && f.licence === 'CC0 1.0')).toBe(true)
  })

  it('gives the Russian kit Russian editions, and the same bytes when packed again', async () => {
    const first = await packAsTheSiteWould('ru')
    const statement = Object.entries(first.files).find(([name]) => /documents\/GC-ST-.*-ru\.pdf$/.test(name))
    const text = await pdfText(statement![1])
    expect(text).toContain('Опубликованное заявление')
    expect(text).toContain('Москва, 1 февраля 2026 г.')
    expect(text).toContain('Исправление: Исправлена опечатка.')
    expect(text).toContain('Страница 1 из 1')
    const again = await packAsTheSiteWould('ru')
    expect(again.built.sha256).toBe(first.built.sha256)
  })

  it('renders a notice’s PDF edition for the CMS side (e-mail attachment) from the same function', async () => {
    const [notice] = (
      await payload.find({
        collection: 'notices',
        where: { slug: { equals: 'published-notice' } },
        overrideAccess: false,
      })
    ).docs
    const edition = editionFromPublication(notice!, {
      locale: 'en',
      kind: 'notice',
      organizationName: 'Test Initiative',
      url: `${site}/en/notices/published-notice/`,
    })
    const text = await pdfText(await renderPdfEdition(edition))
    expect(text).toContain('To: Embassies in Moscow')
    expect(text).not.toContain('UNPUBLISHED')
  })
})
