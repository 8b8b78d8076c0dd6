import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { paragraphsToLexical } from '@pressroom/cms/seed/lexical'
import {
  createStaff,
  exiftoolTags,
  markersIn,
  personalTags,
  type ServedRest,
  type StartedPayload,
  serveRest,
  startPayload,
  withCameraMetadata,
} from '@pressroom/cms/testing'
import type { Loader } from 'astro/loaders'
import { strFromU8, unzipSync } from 'fflate'
import sharp from 'sharp'
import { extractText } from 'unpdf'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Download, SiteData, SiteEditions } from '../lib/editions.ts'
import type { DocumentFile, MediaItem, PressContact, PressKit, Publication, SiteSettings } from '../lib/schemas.ts'
import { memoryContext } from './helpers/memoryStore.ts'

/**
 * The site's editions from a real CMS read over HTTP by the real loaders: which PDFs and ZIPs
 * exist, what a press kit's ZIP holds, the checksum lists, and the cache between builds.
 */
type Payload = StartedPayload['payload']
const run = promisify(execFile)

let cms: StartedPayload
let payload: Payload
let server: ServedRest
let cacheDir: string
let editionsModule: typeof import('../lib/editions.ts')
let cacheModule: typeof import('../lib/editionCache.ts')
let loaders: typeof import('../loaders/cms.ts')
let normalize: typeof import('../lib/normalize.ts')
let schemas: typeof import('../lib/schemas.ts')

const ids: Record<'both' | 'englishOnly' | 'draft' | 'embargoed' | 'kit', number> = {
  both: 0,
  englishOnly: 0,
  draft: 0,
  embargoed: 0,
  kit: 0,
}

/** One loader per collection with a store that lives across "builds", as Astro's does. */
function collectionStores() {
  type Normalize = Parameters<typeof loaders.cmsCollectionLoader>[0]['normalize']
  type Schema = Parameters<typeof memoryContext>[0]
  const collection = (name: string, normalize: Normalize, schema: Schema) => ({
    loader: loaders.cmsCollectionLoader({ collection: name, normalize }),
    store: memoryContext(schema),
  })
  const stores = {
    statements: collection(
      'statements',
      (docs) => normalize.normalizePublication('statement', docs),
      schemas.publication,
    ),
    pressReleases: collection(
      'press-releases',
      (docs) => normalize.normalizePublication('pressRelease', docs),
      schemas.publication,
    ),
    media: collection('media', normalize.normalizeMedia, schemas.media),
    files: collection('documents', normalize.normalizeDocumentFile, schemas.documentFile),
    contacts: collection('press-contacts', normalize.normalizePressContact, schemas.pressContact),
    kits: collection('press-kits', normalize.normalizePressKit, schemas.pressKit),
    settings: {
      loader: loaders.cmsGlobalLoader({ global: 'site-settings', normalize: normalize.normalizeSettings }),
      store: memoryContext(schemas.settings),
    },
  }
  /** A build: load every collection, then make the editions with a fresh cache object on the same folder. */
  return async function build(): Promise<SiteEditions> {
    for (const { loader, store } of Object.values(stores)) await (loader as Loader).load(store.context)
    const values = <T>(name: keyof typeof stores) => [...stores[name].store.entries.values()].map((e) => e.data as T)
    const byId = <T extends { cmsId: string }>(items: T[]) => new Map(items.map((item) => [item.cmsId, item]))
    const data: SiteData = {
      publications: [...values<Publication>('statements'), ...values<Publication>('pressReleases')],
      media: byId(values<MediaItem>('media')),
      files: byId(values<DocumentFile>('files')),
      contacts: byId(values<PressContact>('contacts')),
      kits: values<PressKit>('kits'),
      settings: values<SiteSettings>('settings')[0] as SiteSettings,
    }
    return new editionsModule.SiteEditions(data, new cacheModule.EditionCache(cacheDir))
  }
}

let build: () => Promise<SiteEditions>

beforeAll(async () => {
  cms = await startPayload()
  payload = cms.payload
  await createStaff(payload, 'admin')
  server = await serveRest(payload)
  cacheDir = mkdtempSync(path.join(os.tmpdir(), 'pressroom-editions-'))
  process.env.CMS_URL = server.url
  process.env.SITE_CACHE_DIR = cacheDir
  process.env.SITE_URL = 'https://press.example.org'
  loaders = await import('../loaders/cms.ts')
  normalize = await import('../lib/normalize.ts')
  schemas = await import('../lib/schemas.ts')
  editionsModule = await import('../lib/editions.ts')
  cacheModule = await import('../lib/editionCache.ts')

  await payload.updateGlobal({ slug: 'site-settings', locale: 'en', data: { organizationName: 'Test Initiative' } })
  await payload.updateGlobal({ slug: 'site-settings', locale: 'ru', data: { organizationName: 'Тестовая инициатива' } })

  const statement = async (slug: string, en: string, ru?: string, status = 'published') => {
    const doc = await payload.create({
      collection: 'statements',
      locale: 'en',
      draft: status !== 'published',
      data: {
        title: en,
        slug,
        place: 'Moscow',
        date: '2026-03-01T12:00:00.000Z',
        body: paragraphsToLexical([`${en}: the English text.`]),
        _status: status,
      } as never,
    })
    if (ru) {
      await payload.update({
        collection: 'statements',
        id: doc.id,
        locale: 'ru',
        data: {
          title: ru,
          place: 'Москва',
          body: paragraphsToLexical([`${ru}: русский текст.`]),
          _status: status,
        } as never,
      })
    }
    return doc.id as number
  }
  ids.both = await statement('both', 'Statement in both languages', 'Заявление на двух языках')
  ids.englishOnly = await statement('english-only', 'Statement in English only')
  ids.draft = await statement('draft', 'Draft statement never published', undefined, 'draft')
  const release = await payload.create({
    collection: 'press-releases',
    locale: 'en',
    data: {
      title: 'Embargoed release not yet public',
      slug: 'embargoed',
      date: '2026-03-02T12:00:00.000Z',
      embargoUntil: new Date(Date.now() + 24 * 60 * 60 * 1000).toISOString(),
      _status: 'published',
    } as never,
  })
  ids.embargoed = release.id as number

  // With a GPS position, camera and owner data (exiftool), which nothing the site makes may carry.
  const png = await withCameraMetadata(
    await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#3a5a78' } })
      .png()
      .toBuffer(),
    'png',
  )
  const image = await payload.create({
    collection: 'media',
    locale: 'en',
    file: { data: png, name: 'meeting.png', mimetype: 'image/png', size: png.length },
    data: {
      alt: 'The meeting',
      caption: 'Families at the meeting',
      credit: 'Press room',
      licence: 'CC BY 4.0',
      consentNote: 'Consent-note marker: the families agreed by phone',
    } as never,
  })
  const text = Buffer.from('Background notes.\n')
  const file = await payload.create({
    collection: 'documents',
    locale: 'en',
    file: { data: text, name: 'background.txt', mimetype: 'text/plain', size: text.length },
    data: { title: 'Background notes' } as never,
  })
  const contact = await payload.create({
    collection: 'press-contacts',
    locale: 'en',
    data: { name: 'Press Office', role: 'Press officer', email: 'press@example.org', languages: ['en', 'ru'] } as never,
  })
  const kit = await payload.create({
    collection: 'press-kits',
    locale: 'en',
    data: {
      title: 'Test kit',
      slug: 'test-kit',
      description: 'What a journalist needs.',
      publications: [
        { relationTo: 'statements', value: ids.both },
        { relationTo: 'statements', value: ids.englishOnly },
        { relationTo: 'statements', value: ids.draft },
        { relationTo: 'press-releases', value: ids.embargoed },
      ],
      media: [image.id],
      documents: [file.id],
      pressContacts: [contact.id],
      _status: 'published',
    } as never,
  })
  await payload.update({
    collection: 'press-kits',
    id: kit.id,
    locale: 'ru',
    data: { title: 'Тестовый пресс-кит', _status: 'published' } as never,
  })
  ids.kit = kit.id as number
  build = collectionStores()
})

afterAll(async () => {
  await server?.close()
  await cms?.stop()
  if (cacheDir) rmSync(cacheDir, { recursive: true, force: true })
})

const names = (downloads: Download[]) => downloads.map((d) => d.filename).sort()

async function pdfText(bytes: Uint8Array): Promise<string> {
  // drizzle-kit (Payload's schema push) adds an enumerable Array.prototype.random, which PDF.js refuses.
  const random = Object.getOwnPropertyDescriptor(Array.prototype, 'random')
  if (random?.enumerable) Object.defineProperty(Array.prototype, 'random', { ...random, enumerable: false })
  const { text } = await extractText(new Uint8Array(bytes), { mergePages: true })
  return text
}

describe('the site editions', () => {
  let editions: SiteEditions
  let refs: Record<'both' | 'englishOnly', string>

  beforeAll(async () => {
    editions = await build()
    const ref = (slug: string) => editions.data.publications.find((p) => p.slug === slug)?.referenceNumber ?? '?'
    refs = { both: ref('both'), englishOnly: ref('english-only') }
  })

  it('has a PDF per language a published document exists in, and a ZIP per kit and language; nothing else', async () => {
    expect(editions.data.publications.map((p) => p.slug).sort()).toEqual(['both', 'english-only'])
    expect(names(await editions.downloads('en'))).toEqual(
      [`${refs.both}-en.pdf`, `${refs.englishOnly}-en.pdf`, 'test-kit-en.zip'].sort(),
    )
    expect(names(await editions.downloads('ru'))).toEqual([`${refs.both}-ru.pdf`, 'test-kit-ru.zip'].sort())
    const both = editions.data.publications.find((p) => p.slug === 'both') as Publication
    const [ru, en] = await editions.pdfsOf(both, 'ru')
    expect([ru?.path, en?.path]).toEqual([`/ru/${refs.both}-ru.pdf`, `/en/${refs.both}-en.pdf`])
    const ruText = await pdfText(await editions.read(ru as Download))
    expect(ruText).toContain('Заявление на двух языках')
    expect(ruText).toContain(refs.both)
  })

  it("packs a kit's ZIP from the site's data with exactly the kit's published content in that language", async () => {
    const kit = editions.data.kits[0] as PressKit
    expect(kit.pressContacts).toHaveLength(1)
    const unpack = async (locale: 'en' | 'ru') => {
      const zip = await editions.kitZip(kit, locale)
      if (!zip) throw new Error(`no ${locale} ZIP`)
      return unzipSync(await editions.read(zip))
    }

    const en = await unpack('en')
    const vcard = Object.keys(en).find((name) => name.endsWith('.vcf'))
    expect(Object.keys(en).sort()).toEqual(
      [
        'README.txt',
        'checksums.txt',
        'contacts/press-office.vcf',
        `documents/${refs.both}-en.pdf`,
        `documents/${refs.englishOnly}-en.pdf`,
        'fact-sheet.pdf',
        'files/background.txt',
        'images/original/meeting.png',
        'images/web/meeting-1200x675.jpg',
        'images/web/meeting-1200x675.webp',
        'manifest.csv',
        'manifest.json',
      ].map((name) => `test-kit-en/${name}`),
    )
    expect(strFromU8(en[vcard as string] as Uint8Array)).toContain('FN:Press Office')
    const manifest = JSON.parse(strFromU8(en['test-kit-en/manifest.json'] as Uint8Array)) as {
      files: { path: string; title?: string; credit?: string }[]
    }
    expect(manifest.files.filter((f) => f.path.startsWith('documents/')).map((f) => f.title)).toEqual([
      'Statement in both languages',
      'Statement in English only',
    ])
    expect(manifest.files.find((f) => f.path === 'images/original/meeting.png')?.credit).toBe('Press room')
    // The original is the CMS's file (the upload without its metadata, ADR 0023), and the PDF
    // inside is the one the site serves.
    const original = await payload.find({ collection: 'media', limit: 1 })
    expect(en['test-kit-en/images/original/meeting.png']?.length).toBe(original.docs[0]?.filesize)
    for (const [name, bytes] of Object.entries(en).filter(([name]) => name.includes('/images/'))) {
      expect(markersIn(bytes), name).toEqual([])
      expect(personalTags(await exiftoolTags(bytes)), name).toEqual([])
    }
    const enPdf = await editions.pdf(editions.data.publications.find((p) => p.slug === 'both') as Publication, 'en')
    expect(Buffer.from(en[`test-kit-en/documents/${refs.both}-en.pdf`] as Uint8Array)).toEqual(
      Buffer.from(await editions.read(enPdf as Download)),
    )
    const factSheet = await pdfText(en['test-kit-en/fact-sheet.pdf'] as Uint8Array)
    expect(factSheet).toContain('Statement in both languages')
    // Nothing of the draft or the embargoed release, nor the staff's consent note, in any file of the ZIP.
    for (const [name, bytes] of Object.entries(en)) {
      const text = name.endsWith('.pdf') ? await pdfText(bytes) : strFromU8(bytes)
      expect(text, name).not.toMatch(/Draft statement|Embargoed release|Consent-note marker|consent/i)
    }
    expect(editions.data.media.size).toBe(1)
    for (const item of editions.data.media.values()) expect(item).not.toHaveProperty('consentNote')

    const ru = await unpack('ru')
    expect(Object.keys(ru).filter((name) => name.includes('/documents/'))).toEqual([
      `test-kit-ru/documents/${refs.both}-ru.pdf`,
    ])
    expect(await pdfText(ru['test-kit-ru/fact-sheet.pdf'] as Uint8Array)).toContain('Тестовый пресс-кит')
  })

  it('copies every media file to the site without the GPS position, camera or owner data the upload had', async () => {
    const { cachedFile } = await import('../lib/files.ts')
    const { mediaFiles } = await import('../lib/media.ts')
    const [item] = [...editions.data.media.values()]
    const files = mediaFiles(item as MediaItem)
    expect(files.map((f) => f.filename)).toContain('meeting.png')
    for (const file of files) {
      const bytes = await cachedFile('media', item as MediaItem, file)
      expect(markersIn(bytes), file.filename).toEqual([])
      expect(personalTags(await exiftoolTags(bytes)), file.filename).toEqual([])
    }
  })

  it("lists every PDF and ZIP of a language in its checksums.txt, which sha256sum verifies against the files' bytes", async () => {
    for (const locale of ['en', 'ru'] as const) {
      const folder = mkdtempSync(path.join(os.tmpdir(), `pressroom-checksums-${locale}-`))
      try {
        const downloads = await editions.downloads(locale)
        for (const download of downloads)
          writeFileSync(path.join(folder, download.filename), await editions.read(download))
        const list = await editions.checksums(locale)
        writeFileSync(path.join(folder, 'checksums.txt'), list)
        expect(
          list
            .trim()
            .split('\n')
            .map((line) => line.split('  ')[1])
            .sort(),
        ).toEqual(names(downloads))
        const { stdout } = await run('sha256sum', ['-c', 'checksums.txt'], { cwd: folder })
        expect(stdout.trim().split('\n').sort()).toEqual(names(downloads).map((name) => `${name}: OK`))
      } finally {
        rmSync(folder, { recursive: true, force: true })
      }
    }
  })

  it('renders nothing on a rebuild of unchanged content, and only the changed document’s PDF and its kit’s ZIP after an edit', async () => {
    const all = async (site: SiteEditions) => [...(await site.downloads('en')), ...(await site.downloads('ru'))]
    const before = await all(editions)
    expect(editions.cache.stats.rendered).toBe(before.length)

    const unchanged = await build()
    const again = await all(unchanged)
    expect(unchanged.cache.stats).toEqual({ rendered: 0, reused: before.length })
    expect(again.map((d) => d.sha256)).toEqual(before.map((d) => d.sha256))

    await payload.update({
      collection: 'statements',
      id: ids.englishOnly,
      locale: 'en',
      data: { title: 'Statement in English only, corrected' } as never,
    })
    const edited = await build()
    const after = await all(edited)
    const hashBefore = new Map(before.map((d) => [d.filename, d.sha256]))
    const changed = after.filter((d) => d.sha256 !== hashBefore.get(d.filename)).map((d) => d.filename)
    expect(changed.sort()).toEqual([`${refs.englishOnly}-en.pdf`, 'test-kit-en.zip'])
    expect(edited.cache.stats).toEqual({ rendered: 2, reused: before.length - 2 })
  })

  it("takes sizes and checksums from the cache's index, and renders again a file that is gone or changed size", async () => {
    const first = await build()
    const [pdf, other] = (await first.downloads('en')).filter((d) => d.type === 'pdf')
    if (!pdf || !other) throw new Error('expected two English PDFs')
    const original = await first.read(pdf)

    // Same size, other bytes: the index is trusted, the file is not read or hashed again.
    const tampered = Buffer.from(original)
    tampered.writeUInt8((tampered.readUInt8(tampered.length - 2) ^ 1) & 0xff, tampered.length - 2)
    writeFileSync(pdf.file, tampered)
    const trusting = await build()
    const trusted = (await trusting.downloads('en')).find((d) => d.filename === pdf.filename)
    expect(trusted?.sha256).toBe(pdf.sha256)
    expect(trusting.cache.stats.rendered).toBe(0)

    // Gone, or another size: rendered again, the same bytes as before.
    rmSync(pdf.file)
    writeFileSync(other.file, 'short')
    const repairing = await build()
    const repaired = await repairing.downloads('en')
    expect(repairing.cache.stats.rendered).toBe(2)
    expect(Buffer.from(await repairing.read(repaired.find((d) => d.filename === pdf.filename) as Download))).toEqual(
      Buffer.from(original),
    )
    expect(repaired.find((d) => d.filename === other.filename)?.sha256).toBe(other.sha256)

    // A cache from before the index: its files are hashed once and recorded, not rendered again.
    rmSync(path.join(cacheDir, 'index.ndjson'))
    const migrating = await build()
    const migrated = await migrating.downloads('en')
    expect(migrating.cache.stats).toEqual({ rendered: 0, reused: migrated.length })
    expect(migrated.map((d) => d.sha256)).toEqual(repaired.map((d) => d.sha256))
    expect(readFileSync(path.join(cacheDir, 'index.ndjson'), 'utf8').trim().split('\n')).toHaveLength(migrated.length)
  })

  it('makes no PDF, ZIP or checksum entry when built without them (SITE_EDITIONS=off), but still the vCards', async () => {
    const without = new editionsModule.SiteEditions(editions.data, editions.cache, false)
    const pub = editions.data.publications.find((p) => p.slug === 'both') as Publication
    expect(await without.pdfsOf(pub, 'en')).toEqual([])
    expect(await without.kitZip(editions.data.kits[0] as PressKit, 'en')).toBeUndefined()
    expect(await without.downloads('ru')).toEqual([])
    expect(await without.checksums('en')).toBe('')
    expect(without.vcards('en').size).toBe(1)
  })

  it('gives each press contact a vCard per language', async () => {
    const [en] = [...editions.vcards('en').values()]
    const [ru] = [...editions.vcards('ru').values()]
    expect(en?.path).toBe('/en/contacts/press-office.vcf')
    expect(ru?.path).toMatch(/^\/ru\/contacts\/.+\.vcf$/)
    expect(en?.text).toMatch(/^BEGIN:VCARD\r\nVERSION:4\.0\r\n/)
    expect(en?.text).toContain('URL:https://press.example.org/en/contacts/')
  })
})
