import { paragraphsToLexical } from '@pressroom/cms/seed/lexical'
import { createStaff, type ServedRest, type StartedPayload, serveRest, startPayload } from '@pressroom/cms/testing'
import type { Loader } from 'astro/loaders'

type Payload = StartedPayload['payload']

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Publication } from '../lib/normalize.ts'
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

beforeAll(async () => {
  cms = await startPayload()
  payload = cms.payload
  await createStaff(payload, 'admin')
  server = await serveRest(payload)
  process.env.CMS_URL = server.url
  loaders = await import('../loaders/cms.ts')
  normalize = await import('../lib/normalize.ts')
  schemas = await import('../lib/schemas.ts')
  statements = loaders.cmsCollectionLoader({
    collection: 'statements',
    normalize: (docs) => normalize.normalizePublication('statement', docs),
  })
  releases = loaders.cmsCollectionLoader({
    collection: 'press-releases',
    normalize: (docs) => normalize.normalizePublication('pressRelease', docs),
  })

  await createStatement(
    { title: 'Both languages', slug: 'both', body: paragraphsToLexical(['English text']), _status: 'published' },
    { title: 'Оба языка', body: paragraphsToLexical(['Русский текст']), _status: 'published' },
  )
  await createStatement({ title: 'English only', slug: 'english-only', _status: 'published' })
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

const titles = (entries: Map<string, Entry>) =>
  [...entries.values()]
    .map((e) => (e.data as Publication).versions.en?.title ?? (e.data as Publication).versions.ru?.title)
    .sort()

describe('the CMS content loader', () => {
  it('reads what an anonymous reader may read, in each language without fallback', async () => {
    const statementStore = memoryContext(schemas.publication)
    await statements.load(statementStore.context)
    expect(titles(statementStore.entries)).toEqual(['Both languages', 'English only'])
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
    expect(titles(entries)).toEqual(['English only, corrected'])
    const fetched = server.requests.filter((r) => r.includes('where%5Bid%5D%5Bin%5D'))
    // One request per language, each for the one changed document.
    expect(fetched).toHaveLength(2)
    for (const request of fetched) expect(request).toContain(`where%5Bid%5D%5Bin%5D=${englishOnly!.id}&`)
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
