/**
 * The Astro content loader over the CMS's REST API (ADR 0008). It reads what an anonymous reader
 * may read, in every language without fallback, keeps its store between builds, and fetches
 * only the documents whose `updatedAt` changed; documents no longer published leave the store.
 */
import { type Locale, localeCodes } from '@pressroom/shared'
import type { Loader } from 'astro/loaders'
import { CmsError, cmsGet, cmsGetAll } from '../lib/cms.ts'
import type { PerLocale, RawDoc } from '../lib/normalize.ts'

/** Bump when the mapping changes, so stored entries from an older build are not reused. */
const storeFormat = '2'
const chunkSize = 100

type CollectionSpec = {
  /** The CMS collection slug. */
  collection: string
  normalize: (docs: PerLocale<RawDoc>) => Record<string, unknown>
}

function localeQuery(locale: Locale) {
  return { locale, 'fallback-locale': 'none', depth: 0 }
}

export function cmsCollectionLoader(spec: CollectionSpec): Loader {
  return {
    name: `cms:${spec.collection}`,
    async load({ store, meta, logger, parseData }) {
      if (meta.get('format') !== storeFormat) {
        store.clear()
        meta.set('format', storeFormat)
      }
      const index = await cmsGetAll<{ id: string | number; updatedAt?: string }>(
        spec.collection,
        { depth: 0, 'select[updatedAt]': true, sort: 'createdAt' },
        1000,
      )
      const current = new Map(index.map((doc) => [String(doc.id), String(doc.updatedAt ?? '')]))
      for (const id of store.keys()) if (!current.has(id)) store.delete(id)
      const changed = [...current].filter(([id, updatedAt]) => store.get(id)?.digest !== updatedAt).map(([id]) => id)

      for (let i = 0; i < changed.length; i += chunkSize) {
        const ids = changed.slice(i, i + chunkSize)
        const byLocale = new Map<string, PerLocale<RawDoc>>()
        // Both languages at once: the CMS answers each from the same rows.
        const perLocale = await Promise.all(
          localeCodes.map(async (locale) => ({
            locale,
            docs: await cmsGetAll<RawDoc>(spec.collection, {
              ...localeQuery(locale),
              'where[id][in]': ids.join(','),
            }),
          })),
        )
        for (const { locale, docs } of perLocale) {
          for (const doc of docs) {
            const entry = byLocale.get(String(doc.id)) ?? {}
            entry[locale] = doc
            byLocale.set(String(doc.id), entry)
          }
        }
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
