/**
 * The Astro content loader over the CMS's REST API (ADR 0008). It reads what an anonymous reader
 * may read, in every language without fallback, keeps its store between builds, and fetches
 * only the documents whose `updatedAt` changed; documents no longer published leave the store.
 */
import { documentKinds, type Locale, localeCodes } from '@pressroom/shared'
import type { Loader } from 'astro/loaders'
import { CmsError, cmsGet, cmsGetAll, cmsPrefetch, type ListPage, listQuery, type Query } from '../lib/cms.ts'
import { normalizePublication, type PerLocale, publicationsByLocale, type RawDoc } from '../lib/normalize.ts'

/** Bump when the mapping changes, so stored entries from an older build are not reused. */
const storeFormat = '3'
const chunkSize = 100

export type CollectionSpec = {
  /** The CMS collection slug. */
  collection: string
  normalize: (docs: PerLocale<RawDoc>) => Record<string, unknown>
  /**
   * When the collection's localized fields are known: every language in one request
   * (`locale=all`), split into one document per language here. The CMS then reads each
   * document once instead of once per language.
   */
  splitLocales?: (doc: RawDoc) => PerLocale<RawDoc>
  /**
   * Fields whose public value can change while the document itself does not: a press kit lists
   * only the publications the public may read (docs/adr/0022), so an embargo ending changes it.
   * They join `updatedAt` in the digest that decides whether a stored document is fetched again.
   */
  digestFields?: string[]
}

function localeQuery(locale: Locale) {
  return { locale, 'fallback-locale': 'none', depth: 0 }
}

type IndexEntry = { id: string | number; updatedAt?: string } & Record<string, unknown>
/** Every published id and when it last changed, in one request for up to 1,000 documents. */
const indexQuery = { depth: 0, 'select[updatedAt]': true, sort: 'createdAt' }
const indexPageSize = 1000

function indexQueryOf(spec: CollectionSpec): Query {
  return Object.fromEntries([
    ...Object.entries(indexQuery),
    ...(spec.digestFields ?? []).map((field) => [`select[${field}]`, true]),
  ])
}

function digestOf(spec: CollectionSpec, entry: IndexEntry): string {
  const updatedAt = String(entry.updatedAt ?? '')
  if (!spec.digestFields?.length) return updatedAt
  return `${updatedAt} ${JSON.stringify(spec.digestFields.map((field) => entry[field] ?? null))}`
}

/** Documents by id, in one language (or `all` of them at once). */
function chunkQuery(locale: Locale | 'all', ids: string[]) {
  const where = { 'where[id][in]': ids.join(',') }
  return locale === 'all' ? { locale, depth: 0, ...where } : { ...localeQuery(locale), ...where }
}

function chunks(ids: string[]): string[][] {
  const out: string[][] = []
  for (let i = 0; i < ids.length; i += chunkSize) out.push(ids.slice(i, i + chunkSize))
  return out
}

/** One chunk of documents by id, each in every language. */
async function fetchChunk(spec: CollectionSpec, ids: string[]): Promise<Map<string, PerLocale<RawDoc>>> {
  const byId = new Map<string, PerLocale<RawDoc>>()
  const split = spec.splitLocales
  if (split) {
    for (const doc of await cmsGetAll<RawDoc>(spec.collection, chunkQuery('all', ids), chunkSize)) {
      byId.set(String(doc.id), split(doc))
    }
    return byId
  }
  // One request per language, at once: the CMS answers each from the same rows.
  const perLocale = await Promise.all(
    localeCodes.map(async (locale) => ({
      locale,
      docs: await cmsGetAll<RawDoc>(spec.collection, chunkQuery(locale, ids), chunkSize),
    })),
  )
  for (const { locale, docs } of perLocale) {
    for (const doc of docs) byId.set(String(doc.id), { ...byId.get(String(doc.id)), [locale]: doc })
  }
  return byId
}

/**
 * Asks the CMS now for what a split-language loader (`splitLocales`) will ask first, so the CMS
 * answers while Astro is still starting: the index and, for a build with no content store yet
 * (`everything`), every document. The loader then takes these answers instead of asking again.
 */
async function prefetchCollection(collection: string, everything: boolean): Promise<void> {
  const index = await cmsPrefetch<ListPage<IndexEntry>>(collection, listQuery(indexQuery, indexPageSize, 1)).catch(
    () => undefined,
  )
  // Unreachable CMS or a longer index: the loader asks itself, and reports what went wrong.
  if (!everything || !index || index.hasNextPage || !Array.isArray(index.docs)) return
  await Promise.allSettled(
    chunks(index.docs.map((doc) => String(doc.id))).map((ids) =>
      cmsPrefetch(collection, listQuery(chunkQuery('all', ids), chunkSize, 1)),
    ),
  )
}

export function cmsCollectionLoader(spec: CollectionSpec): Loader {
  return {
    name: `cms:${spec.collection}`,
    async load({ store, meta, logger, parseData }) {
      if (meta.get('format') !== storeFormat) {
        store.clear()
        meta.set('format', storeFormat)
      }
      const index = await cmsGetAll<IndexEntry>(spec.collection, indexQueryOf(spec), indexPageSize)
      const current = new Map(index.map((doc) => [String(doc.id), digestOf(spec, doc)]))
      for (const id of store.keys()) if (!current.has(id)) store.delete(id)
      const changed = [...current].filter(([id, updatedAt]) => store.get(id)?.digest !== updatedAt).map(([id]) => id)

      for (const ids of chunks(changed)) {
        const byLocale = await fetchChunk(spec, ids)
        for (const id of ids) {
          const docs = byLocale.get(id)
          // Unpublished between the two requests: it is simply not on the site this time.
          if (!docs) continue
          let data: Record<string, unknown>
          try {
            data = spec.normalize(docs)
          } catch (error) {
            throw new CmsError(`${spec.collection} ${id} cannot be read: ${(error as Error).message}`)
          }
          const parsed = await parseData({ id, data })
          store.set({ id, data: parsed, digest: current.get(id) })
        }
      }
      logger.info(`${spec.collection}: ${current.size} published, ${changed.length} fetched, the rest unchanged`)
    },
  }
}

/** The loader of one kind of publication: both languages in one request (`publicationsByLocale`). */
export function publicationLoader(kind: (typeof documentKinds)[number]): Loader {
  return cmsCollectionLoader({
    collection: kind.collection,
    normalize: (docs) => normalizePublication(kind.kind, docs),
    splitLocales: publicationsByLocale,
  })
}

/** `prefetchCollection` for the publications, nearly all of the content; done when every answer is in. */
export async function prefetchPublications(everything: boolean): Promise<void> {
  await Promise.all(documentKinds.map((kind) => prefetchCollection(kind.collection, everything)))
}

/** A global (site settings) as a collection of one entry, always fetched: it is one small request. */
export function cmsGlobalLoader(spec: { global: string; normalize: CollectionSpec['normalize'] }): Loader {
  return {
    name: `cms:global:${spec.global}`,
    async load({ store, parseData }) {
      const docs: PerLocale<RawDoc> = {}
      for (const locale of localeCodes)
        docs[locale] = await cmsGet<RawDoc>(`globals/${spec.global}`, localeQuery(locale))
      const data = await parseData({ id: spec.global, data: spec.normalize(docs) })
      store.clear()
      store.set({ id: spec.global, data })
    },
  }
}
