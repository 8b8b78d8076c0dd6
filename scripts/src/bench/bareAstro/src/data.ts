import { getCollection } from 'astro:content'
import {
  documentKinds,
  isLocale,
  kindLabels,
  type Locale,
  localeCodes,
  localeInfo,
  otherLocale,
} from '@pressroom/shared'
import type { DocumentData, NamedData } from './schemas.ts'

export type Entry<T> = { id: string; data: T }
export type DocumentEntry = Entry<DocumentData>
export type NamedEntry = Entry<NamedData>

export const locales = localeCodes
/** A list per kind: its URL segment and its heading in each language, as the site has them. */
export const kinds = documentKinds.map(({ kind, path }) => ({ path, title: kindLabels(kind, 'plural') }))
/** The navigation: every kind, then the archive, the topics and the about page. */
export const navigation: { path: string; title: Record<Locale, string> }[] = [
  ...kinds,
  { path: 'archive', title: { en: 'Archive', ru: 'Архив' } },
  { path: 'topics', title: { en: 'Topics', ru: 'Темы' } },
  { path: 'about', title: { en: 'About', ru: 'О нас' } },
]
export const pageSize = 20

/** Every document, newest first. */
export async function documents(): Promise<DocumentEntry[]> {
  const all: DocumentEntry[] = await getCollection('documents')
  return all.sort((a, b) => b.data.date.localeCompare(a.data.date))
}

export const topics = (): Promise<NamedEntry[]> => getCollection('topics')
export const kits = (): Promise<NamedEntry[]> => getCollection('kits')

/** The document's text in a language, or in the language it has when it has one only. */
export function versionOf(doc: DocumentEntry, lang: Locale) {
  const version = doc.data.versions[lang] ?? Object.values(doc.data.versions)[0]
  if (!version) throw new Error(`The snapshot holds no text of document ${doc.id}: write the snapshot again.`)
  return version
}

/** An endpoint's language, from its route parameters. */
export function localeParam(params: Record<string, string | undefined>): Locale {
  if (!isLocale(params.locale)) throw new Error(`"${params.locale}" is not a language of the baseline.`)
  return params.locale
}

export const docUrl = (doc: DocumentEntry, lang: Locale) => `/${lang}/${doc.data.kindPath}/${doc.data.slug}/`

export const formatDate = (iso: string, lang: Locale) =>
  new Date(iso).toLocaleDateString(localeInfo(lang).dateLocale, { dateStyle: 'long', timeZone: 'UTC' })

/** Each language's home page, named in its own language. */
export const languageLinks = localeCodes.map((code) => ({ href: `/${code}/`, name: localeInfo(code).nativeLabel }))

/** The language switch: the other language's home page. */
export function otherLanguage(lang: Locale) {
  const other = otherLocale(lang)
  return { href: `/${other}/`, name: localeInfo(other).nativeLabel }
}

/** Static paths of a paginated list: /<base>/ and /<base>/page/<n>/, as on the site. */
export function paginated<P extends Record<string, string>, T, X extends object>(
  groups: { params: P; items: T[]; props?: X }[],
) {
  return groups.flatMap(({ params, items, props }) => {
    const total = Math.max(1, Math.ceil(items.length / pageSize))
    return Array.from({ length: total }, (_, index) => {
      const page = index + 1
      return {
        params: { ...params, page: page === 1 ? undefined : `page/${page}` },
        props: { ...props, items: items.slice(index * pageSize, page * pageSize), page, total },
      }
    })
  })
}
