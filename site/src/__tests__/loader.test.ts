import { paragraphsToLexical } from '@pressroom/cms/seed/lexical'
import { createStaff, type ServedRest, type StartedPayload, serveRest, startPayload } from '@pressroom/cms/testing'
import type { Loader } from 'astro/loaders'
import sharp from 'sharp'

type Payload = StartedPayload['payload']

import { documentKinds } from '@pressroom/shared'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Publication } from '../lib/schemas.ts'
import { type Entry, memoryContext } from './helpers/memoryStore.ts'

/**
 * The content loader against a real CMS over HTTP: what it reads, what it skips on the next
 * build, and how it fails. The store stands in for Astro's (same calls, kept in memory).
 */
let cms: StartedPayload
let payload: Payload
let server: ServedRest
let loaders: typeof import('../loaders/cms.ts')
let normalize: typeof import('../lib/normalize.ts')
let schemas: typeof import('../lib/schemas.ts')

async function createStatement(data: Record<string, unknown>, ru?: Record<string, unknown>) {
  const doc = await payload.create({
    collection: 'statements',
    locale: 'en',
    data: { date: '2026-02-01T12:00:00.000Z', place: 'Moscow', ...data } as never,
    draft: data._status !== 'published',
  })
  if (ru) await payload.update({ collection: 'statements', id: doc.id, locale: 'ru', data: ru as never })
  return doc
}

let statements: Loader
let releases: Loader
let notices: Loader
const [statementKind, noticeKind, pressReleaseKind] = documentKinds as unknown as [
  (typeof documentKinds)[number],
  (typeof documentKinds)[number],
  (typeof documentKinds)[number],
]

beforeAll(async () => {
  cms = await startPayload()
  payload = cms.payload
  await createStaff(payload, 'admin')
  server = await serveRest(payload)
  process.env.CMS_URL = server.url
  loaders = await import('../loaders/cms.ts')
  normalize = await import('../lib/normalize.ts')
  schemas = await import('../lib/schemas.ts')
  statements = loaders.publicationLoader(statementKind)
  releases = loaders.publicationLoader(pressReleaseKind)
  notices = loaders.publicationLoader(noticeKind)

  await createStatement(
    { title: 'Both languages', slug: 'both', body: paragraphsToLexical(['English text']), _status: 'published' },
    { title: 'Оба языка', body: paragraphsToLexical(['Русский текст']), _status: 'published' },
  )
  await createStatement({ title: 'English only', slug: 'english-only', _status: 'published' })
  // Every kind of localized field: array rows whose words are per language, change notes.
  const signed = await createStatement({
    title: 'Signed',
    slug: 'signed',
    signatories: [{ name: 'A. Person', role: 'Coordinator' }, { name: 'B. Person' }],
    changeNotes: [{ date: '2026-02-02T00:00:00.000Z', kind: 'correction', note: 'A date was corrected.' }],
    _status: 'published',
  })
  const [first, second] = signed.signatories as { id: string }[]
  await payload.update({
    collection: 'statements',
    id: signed.id,
    locale: 'ru',
    data: {
      title: 'Подписано',
      signatories: [
        { id: first?.id, name: 'А. Персона', role: 'Координатор' },
        { id: second?.id, name: 'Б. Персона' },
      ],
      changeNotes: [{ id: (signed.changeNotes as { id: string }[])[0]?.id, note: 'Исправлена дата.' }],
    } as never,
  })
  const notice = await payload.create({
    collection: 'notices',
    locale: 'en',
    data: {
      title: 'To the embassies',
      slug: 'to-the-embassies',
      date: '2026-02-03T12:00:00.000Z',
      addressees: [{ group: 'Embassies in Moscow' }],
      formalClosing: 'With the assurance of our highest consideration.',
      _status: 'published',
    } as never,
  })
  await payload.update({
    collection: 'notices',
    id: notice.id,
    locale: 'ru',
    data: {
      title: 'Посольствам',
      addressees: [{ id: (notice.addressees as { id: string }[])[0]?.id, group: 'Посольства в Москве' }],
    } as never,
  })
  await createStatement({ title: 'Draft only', slug: 'draft-only', _status: 'draft' })
  const day = 24 * 60 * 60 * 1000
  await payload.create({
    collection: 'press-releases',
    data: {
      title: 'Embargoed',
      slug: 'embargoed',
      date: '2026-02-01',
      _status: 'published',
      embargoUntil: new Date(Date.now() + day).toISOString(),
    } as never,
  })
  await payload.create({
    collection: 'press-releases',
    data: { title: 'Released', slug: 'released', date: '2026-02-01', _status: 'published' } as never,
  })
})

afterAll(async () => {
  await server?.close()
  await cms?.stop()
})

async function loadAll(loader: Loader): Promise<Map<string, Publication>> {
  const { context, entries } = memoryContext(schemas.publication)
  await loader.load(context)
  return new Map([...entries].map(([id, entry]) => [id, entry.data as Publication]))
}

const titles = (entries: Map<string, Entry>) =>
  [...entries.values()]
    .map((e) => (e.data as Publication).versions.en?.title ?? (e.data as Publication).versions.ru?.title)
    .sort()

describe('the CMS content loader', () => {
  it('reads what an anonymous reader may read, in each language without fallback', async () => {
    const statementStore = memoryContext(schemas.publication)
    await statements.load(statementStore.context)
    expect(titles(statementStore.entries)).toEqual(['Both languages', 'English only', 'Signed'])
    const both = [...statementStore.entries.values()].map((e) => e.data as Publication).find((p) => p.slug === 'both')
    expect(both?.versions.ru?.title).toBe('Оба языка')
    const englishOnly = [...statementStore.entries.values()]
      .map((e) => e.data as Publication)
      .find((p) => p.slug === 'english-only')
    expect(Object.keys(englishOnly?.versions ?? {})).toEqual(['en'])
    expect(server.requests.every((r) => !/[?&]draft=true/.test(r))).toBe(true)

    const releaseStore = memoryContext(schemas.publication)
    await releases.load(releaseStore.context)
    expect(titles(releaseStore.entries)).toEqual(['Released'])
  })

  it('fetches only what changed on the next build, and drops what was unpublished', async () => {
    const { context, entries } = memoryContext(schemas.publication)
    await statements.load(context)
    const stored = new Map([...entries].map(([id, e]) => [id, e]))

    server.requests.length = 0
    await statements.load(context)
    // Only the index of ids and update times: no document was fetched again.
    expect(server.requests).toHaveLength(1)
    expect(server.requests[0]).toContain('select%5BupdatedAt%5D=true')
    expect([...entries.values()]).toEqual([...stored.values()])

    const englishOnly = [...entries.values()].find((e) => (e.data as Publication).slug === 'english-only')
    await payload.update({
      collection: 'statements',
      id: englishOnly!.id,
      locale: 'en',
      data: { title: 'English only, corrected' },
    })
    const both = [...entries.values()].find((e) => (e.data as Publication).slug === 'both')
    await payload.update({ collection: 'statements', id: both!.id, data: { _status: 'draft' } as never })

    server.requests.length = 0
    await statements.load(context)
    expect(titles(entries)).toEqual(['English only, corrected', 'Signed'])
    const fetched = server.requests.filter((r) => r.includes('where%5Bid%5D%5Bin%5D'))
    // One request for both languages, for the one changed document.
    expect(fetched).toHaveLength(1)
    expect(fetched[0]).toContain('locale=all')
    expect(fetched[0]).toContain(`where%5Bid%5D%5Bin%5D=${englishOnly!.id}&`)
  })

  it('reads every language in one request exactly as it reads them one by one', async () => {
    for (const [kind, loader] of [
      [statementKind, statements],
      [noticeKind, notices],
      [pressReleaseKind, releases],
    ] as const) {
      const together = memoryContext(schemas.publication)
      await loader.load(together.context)
      const oneByOne = memoryContext(schemas.publication)
      await loaders
        .cmsCollectionLoader({
          collection: kind.collection,
          normalize: (docs) => normalize.normalizePublication(kind.kind, docs),
        })
        .load(oneByOne.context)
      expect(together.entries.size).toBeGreaterThan(0)
      expect([...together.entries]).toEqual([...oneByOne.entries])
    }
    const signed = [...(await loadAll(statements)).values()].find((p) => p.slug === 'signed')
    expect(signed?.versions.ru?.signatories).toEqual([
      { name: 'А. Персона', role: 'Координатор' },
      { name: 'Б. Персона', role: undefined },
    ])
    expect(signed?.changeNotes[0]?.note).toEqual({ en: 'A date was corrected.', ru: 'Исправлена дата.' })
    const notice = [...(await loadAll(notices)).values()].find((p) => p.slug === 'to-the-embassies')
    expect(notice?.versions.en?.formalClosing).toBe('With the assurance of our highest consideration.')
    expect(notice?.versions.ru?.formalClosing).toBeUndefined()
    expect(notice?.versions.ru?.addressees).toEqual(['Посольства в Москве'])
  })

  it('knows every localized field the CMS gives a publication', () => {
    type AnyField = {
      type: string
      name?: string
      localized?: boolean
      fields?: AnyField[]
      tabs?: AnyField[]
      blocks?: { fields: AnyField[] }[]
    }
    const localizedPaths = (fields: AnyField[], prefix = ''): string[] =>
      fields.flatMap((field) => {
        const own = field.name && field.localized ? [`${prefix}${field.name}`] : []
        if (field.type === 'tabs') return [...own, ...localizedPaths(field.tabs ?? [], prefix)]
        const inner = [...(field.fields ?? []), ...(field.blocks ?? []).flatMap((block) => block.fields)]
        // Rows, collapsibles and unnamed tabs only arrange fields; arrays, groups and named tabs nest them.
        const nested = field.name ? `${prefix}${field.name}.` : prefix
        return [...own, ...localizedPaths(inner, nested)]
      })
    const known = new Set([
      ...normalize.publicationLocalizedFields.top,
      ...Object.entries(normalize.publicationLocalizedFields.rows).flatMap(([row, subs]) =>
        subs.map((sub) => `${row}.${sub}`),
      ),
    ])
    for (const kind of documentKinds) {
      const fields = payload.collections[kind.collection as 'statements'].config.fields as unknown as AnyField[]
      const found = localizedPaths(fields)
      expect(found.length).toBeGreaterThan(4)
      expect(found.filter((path) => !known.has(path))).toEqual([])
    }
  })

  it('reads no field the CMS keeps for staff (docs/adr/0025)', () => {
    type CmsField = {
      name: string
      type: string
      access?: { read?: (args: unknown) => unknown }
      flattenedFields?: CmsField[]
    }
    const anonymous = { req: { user: null } }
    /** A document that answers every field and records which ones the site asked for, in arrays too. */
    function recorder(fields: CmsField[], prefix: string, asked: Map<string, CmsField>): Record<string, unknown> {
      return new Proxy({} as Record<string, unknown>, {
        get(_target, key) {
          if (typeof key !== 'string') return undefined
          if (key === 'id') return 1
          const field = fields.find((f) => f.name === key)
          if (!field) return undefined
          asked.set(`${prefix}${key}`, field)
          if (field.type === 'array') return [recorder(field.flattenedFields ?? [], `${prefix}${key}.`, asked)]
          if (field.type === 'relationship' || field.type === 'upload') return []
          return 'x'
        },
      })
    }
    type Entity = { slug: string; fields: CmsField[]; normalize: (docs: never) => unknown }
    const fieldsOf = (slug: string) =>
      (slug === 'site-settings'
        ? payload.config.globals.find((g) => g.slug === slug)?.flattenedFields
        : payload.collections[slug as 'media'].config.flattenedFields) as unknown as CmsField[]
    const entities: Entity[] = [
      ...documentKinds.map((kind) => ({
        slug: kind.collection,
        fields: fieldsOf(kind.collection),
        normalize: (docs: never) => normalize.normalizePublication(kind.kind, docs),
      })),
      { slug: 'media', fields: fieldsOf('media'), normalize: normalize.normalizeMedia },
      { slug: 'documents', fields: fieldsOf('documents'), normalize: normalize.normalizeDocumentFile },
      { slug: 'topics', fields: fieldsOf('topics'), normalize: normalize.normalizeTopic },
      { slug: 'press-contacts', fields: fieldsOf('press-contacts'), normalize: normalize.normalizePressContact },
      { slug: 'press-kits', fields: fieldsOf('press-kits'), normalize: normalize.normalizePressKit },
      { slug: 'site-settings', fields: fieldsOf('site-settings'), normalize: normalize.normalizeSettings },
    ]
    for (const { slug, fields, normalize: normalizeDoc } of entities) {
      const asked = new Map<string, CmsField>()
      normalizeDoc({ en: recorder(fields, '', asked), ru: recorder(fields, '', asked) } as never)
      expect(asked.size, slug).toBeGreaterThan(2)
      const privateOnes = [...asked].filter(([, field]) => field.access?.read?.(anonymous) === false).map(([p]) => p)
      expect(privateOnes, slug).toEqual([])
    }
  })

  it('takes the answers fetched while Astro starts instead of asking again', async () => {
    vi.resetModules()
    const fresh = await import('../loaders/cms.ts')
    server.requests.length = 0
    await fresh.prefetchPublications(true)
    const prefetched = [...server.requests]
    expect(prefetched.filter((r) => r.includes('locale=all'))).toHaveLength(3)
    const stores = documentKinds.map(() => memoryContext(schemas.publication))
    for (const [i, kind] of documentKinds.entries()) {
      await fresh.publicationLoader(kind).load((stores[i] as ReturnType<typeof memoryContext>).context)
    }
    expect(server.requests).toEqual(prefetched)

    // A rebuild with a store: only the id lists are asked ahead, and nothing changed is fetched.
    server.requests.length = 0
    await fresh.prefetchPublications(false)
    expect(server.requests).toHaveLength(documentKinds.length)
    expect(server.requests.every((r) => r.includes('select%5BupdatedAt%5D=true'))).toBe(true)
    for (const [i, kind] of documentKinds.entries()) {
      await fresh.publicationLoader(kind).load((stores[i] as ReturnType<typeof memoryContext>).context)
    }
    expect(server.requests).toHaveLength(documentKinds.length)
  })

  it('keeps only the uploads public content uses: in at the embargo instant, out when the last public user goes', async () => {
    const media = loaders.cmsCollectionLoader({ collection: 'media', normalize: normalize.normalizeMedia })
    const { context, entries } = memoryContext(schemas.media)
    const data = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#456' } })
      .jpeg()
      .toBuffer()
    const image = await payload.create({
      collection: 'media',
      file: { data, name: 'embargoed-photo.jpg', mimetype: 'image/jpeg', size: data.length },
      data: { alt: 'Embargoed photo' },
    })
    const embargoUntil = new Date(Date.now() + 3000)
    const release = await payload.create({
      collection: 'press-releases',
      data: {
        title: 'Photo release',
        slug: 'photo-release',
        date: '2026-02-01',
        media: [image.id],
        embargoUntil: embargoUntil.toISOString(),
        _status: 'published',
      } as never,
    })
    await media.load(context)
    expect(entries.has(String(image.id))).toBe(false)

    // Nothing is saved at the embargo instant: time alone brings the image in.
    await new Promise((resolve) => setTimeout(resolve, embargoUntil.getTime() - Date.now() + 200))
    await media.load(context)
    expect(entries.has(String(image.id))).toBe(true)

    // The embargo moves later: the image leaves the store, though the image itself did not change.
    await payload.update({
      collection: 'press-releases',
      id: release.id,
      data: { embargoUntil: new Date(Date.now() + 24 * 3600_000).toISOString() } as never,
    })
    const unchanged = await payload.findByID({ collection: 'media', id: image.id })
    expect(unchanged.updatedAt).toBe(image.updatedAt)
    await media.load(context)
    expect(entries.has(String(image.id))).toBe(false)
  })

  it('fetches a press kit again when a release in it becomes public, though the kit did not change', async () => {
    const kits = loaders.cmsCollectionLoader({
      collection: 'press-kits',
      normalize: normalize.normalizePressKit,
      digestFields: ['publications'],
    })
    const { context, entries } = memoryContext(schemas.pressKit)
    const embargoUntil = new Date(Date.now() + 3000)
    const release = await payload.create({
      collection: 'press-releases',
      data: {
        title: 'Kit release',
        slug: 'kit-release',
        date: '2026-02-01',
        embargoUntil: embargoUntil.toISOString(),
        _status: 'published',
      } as never,
    })
    const kit = await payload.create({
      collection: 'press-kits',
      data: {
        title: 'Kit',
        slug: 'kit-with-embargo',
        publications: [{ relationTo: 'press-releases', value: release.id }],
        _status: 'published',
      } as never,
    })
    const kitPublications = () =>
      (entries.get(String(kit.id))?.data as { publications: unknown[] } | undefined)?.publications
    await kits.load(context)
    expect(kitPublications()).toEqual([])

    await new Promise((resolve) => setTimeout(resolve, embargoUntil.getTime() - Date.now() + 200))
    await kits.load(context)
    expect(kitPublications()).toEqual([{ kind: 'pressRelease', cmsId: String(release.id) }])
    const unchanged = await payload.findByID({ collection: 'press-kits', id: kit.id })
    expect(unchanged.updatedAt).toBe(kit.updatedAt)
  })

  it('stops with a message naming the CMS address when the CMS cannot be reached', async () => {
    const { context } = memoryContext(schemas.publication)
    const saved = process.env.CMS_URL
    const closed = await serveRest(payload)
    await closed.close()
    // The address is read when the config module loads: load a fresh copy pointing at a closed port.
    process.env.CMS_URL = closed.url
    vi.resetModules()
    const fresh = await import('../loaders/cms.ts')
    process.env.CMS_URL = saved
    const loader = fresh.cmsCollectionLoader({ collection: 'statements', normalize: () => ({}) })
    await expect(loader.load(context)).rejects.toThrow(
      new RegExp(`Cannot reach the CMS at ${closed.url.replace(/\./g, '\\.')} .*set CMS_URL`),
    )
  })
})
