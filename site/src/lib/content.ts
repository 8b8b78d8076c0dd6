/** The site's view of the loaded content: lookups, the language a reader sees, URLs, dates. */

import { type CollectionEntry, getCollection } from 'astro:content'
import { type DocumentKind, documentKinds, documentPath, kindInfo, type Locale, localeCodes } from '@pressroom/shared'
import { perBuild } from './buildScope.ts'
import { yearOf } from './dates.ts'
import type { Publication, PublicationVersion, SiteSettings } from './schemas.ts'

export { embargoZoneOf, formatDate, yearOf, zoneOf } from './dates.ts'
export { absoluteUrl, href } from './urls.ts'

/** Every published document, newest first. */
export const allPublications = perBuild(async (): Promise<Publication[]> => {
  const lists = await Promise.all(
    documentKinds.map(async ({ collection }) => (await getCollection(collection)).map((entry) => entry.data)),
  )
  return lists.flat().sort(byDateDesc)
})

const byCollectionId = perBuild(() =>
  allPublications().then(
    (publications) => new Map(publications.map((p) => [`${kindInfo(p.kind).collection}:${p.cmsId}`, p])),
  ),
)

/**
 * A published document by the CMS collection and id an internal link names (`statements`, `12`):
 * one map for the whole build instead of a scan of every document per link.
 */
export async function publicationByLink(): Promise<(relationTo: string, id: string) => Publication | undefined> {
  const map = await byCollectionId()
  return (relationTo, id) => map.get(`${relationTo}:${id}`)
}

/** Published documents grouped by a key, each group newest first, once per build. */
function grouped(keys: (pub: Publication) => string[]): () => Promise<Map<string, Publication[]>> {
  return perBuild(() =>
    allPublications().then((publications) => {
      const groups = new Map<string, Publication[]>()
      for (const pub of publications) {
        for (const key of keys(pub)) {
          const group = groups.get(key)
          if (group) group.push(pub)
          else groups.set(key, [pub])
        }
      }
      return groups
    }),
  )
}

/** By the year of their date line. */
export const publicationsByYear = grouped((pub) => [yearOf(pub)])

/** By topic id (a document with several topics is in each group). */
export const publicationsByTopic = grouped((pub) => pub.topics)

export function byDateDesc(a: Publication, b: Publication): number {
  return b.date.localeCompare(a.date) || (b.referenceNumber ?? '').localeCompare(a.referenceNumber ?? '')
}

export async function publicationsOfKind(kind: DocumentKind): Promise<Publication[]> {
  return (await allPublications()).filter((p) => p.kind === kind)
}

/** A collection's entries by id, read once per build. */
function byId<C extends 'media' | 'documentFiles' | 'topics' | 'pressContacts' | 'pressKits'>(name: C) {
  return perBuild(
    (): Promise<Map<string, CollectionEntry<C>['data']>> =>
      getCollection(name).then((entries) => new Map(entries.map((entry) => [entry.id, entry.data]))),
  )
}

export const mediaById = byId('media')
export const documentFilesById = byId('documentFiles')
export const topicsById = byId('topics')
export const pressContactsById = byId('pressContacts')
export const pressKitsById = byId('pressKits')

/** The site settings global, read once per build (every page's layout asks). */
export const settings = perBuild(
  (): Promise<SiteSettings> =>
    getCollection('settings').then(([entry]) => {
      if (!entry) throw new Error('The CMS returned no site settings.')
      return entry.data
    }),
)

export { localized, pick } from './values.ts'

export type DocumentView = {
  /** The language of the page (its URL). */
  locale: Locale
  /** The language of the text shown: differs from `locale` when no translation exists. */
  lang: Locale
  isFallback: boolean
  version: PublicationVersion
  /** Languages this document really exists in. */
  languages: Locale[]
}

export function documentView(pub: Publication, locale: Locale): DocumentView {
  const languages = localeCodes.filter((l) => pub.versions[l])
  const own = pub.versions[locale]
  if (own) return { locale, lang: locale, isFallback: false, version: own, languages }
  const lang = languages[0]
  const version = lang ? pub.versions[lang] : undefined
  if (!lang || !version) throw new Error(`${pub.kind} ${pub.cmsId} has no language version`)
  return { locale, lang, isFallback: true, version, languages }
}

export function publicationPath(pub: Publication, locale: Locale): string {
  return documentPath(locale, pub.kind, pub.slug)
}

/** The language version a translation marked outdated lags behind: the most recently updated other one. */
export function outdatedAgainst(pub: Publication, lang: Locale): Locale | undefined {
  return localeCodes.find((l) => l !== lang && pub.versions[l] && pub.versions[l]?.translationState !== 'outdated')
}

export function paginate<T>(items: T[], size: number): T[][] {
  const pages: T[][] = []
  for (let i = 0; i < items.length; i += size) pages.push(items.slice(i, i + size))
  return pages.length > 0 ? pages : [[]]
}
