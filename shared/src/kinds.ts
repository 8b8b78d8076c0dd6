import { type Locale, localeInfo } from './locales.ts'

/** A kind's name in one language: the heading of one document and of a list of them. */
export type KindWords = { readonly singular: string; readonly plural: string }

/**
 * The three kinds of publication, and the single source of everything named after a kind.
 * `collection` is the CMS collection slug, `path` the URL segment on the site, `code` the part
 * of the reference number (GC-PR-2026-004), `words` its name in each working language (labels of
 * collections, site headings, PDF labels, subscription choices and e-mails all derive from it).
 */
export const documentKinds = [
  {
    kind: 'statement',
    collection: 'statements',
    path: 'statements',
    code: 'ST',
    words: {
      en: { singular: 'Statement', plural: 'Statements' },
      ru: { singular: 'Заявление', plural: 'Заявления' },
    },
  },
  {
    kind: 'notice',
    collection: 'notices',
    path: 'notices',
    code: 'NT',
    words: {
      en: { singular: 'Notice', plural: 'Notices' },
      ru: { singular: 'Уведомление', plural: 'Уведомления' },
    },
  },
  {
    kind: 'pressRelease',
    collection: 'press-releases',
    path: 'press-releases',
    code: 'PR',
    words: {
      en: { singular: 'Press release', plural: 'Press releases' },
      ru: { singular: 'Пресс-релиз', plural: 'Пресс-релизы' },
    },
  },
] as const satisfies readonly {
  kind: string
  collection: string
  path: string
  code: string
  words: Record<Locale, KindWords>
}[]

export type DocumentKind = (typeof documentKinds)[number]['kind']
export type DocumentCollection = (typeof documentKinds)[number]['collection']

export const documentCollections: readonly DocumentCollection[] = documentKinds.map((k) => k.collection)

export function kindByCollection(collection: string) {
  const found = documentKinds.find((k) => k.collection === collection)
  if (!found) throw new Error(`"${collection}" is not a publication collection`)
  return found
}

export function kindInfo(kind: DocumentKind) {
  const found = documentKinds.find((k) => k.kind === kind)
  if (!found) throw new Error(`Unknown document kind "${kind}"`)
  return found
}

/**
 * A kind's name in a language, as a heading ("Press release", "Press releases"). Inside a
 * sentence use `kindWordInSentence`.
 */
export function kindWord(kind: DocumentKind, locale: Locale, number: keyof KindWords): string {
  return kindInfo(kind).words[locale][number]
}

/** The same name inside a sentence: "choose statements or press releases". */
export function kindWordInSentence(kind: DocumentKind, locale: Locale, number: keyof KindWords): string {
  return kindWord(kind, locale, number).toLocaleLowerCase(locale)
}

/** A kind's name in every working language, in the shape Payload's labels take ({ en, ru }). */
export function kindLabels(kind: DocumentKind, number: keyof KindWords): Record<Locale, string> {
  const words: Record<Locale, KindWords> = kindInfo(kind).words
  return Object.fromEntries(Object.entries(words).map(([locale, w]) => [locale, w[number]])) as Record<Locale, string>
}

/** Every kind in one heading, listed the way the language lists: "Statements, notices and press releases". */
export function allKindsHeading(locale: Locale): string {
  const words = documentKinds.map(({ kind }) => kindWordInSentence(kind, locale, 'plural'))
  const list = new Intl.ListFormat(localeInfo(locale).dateLocale, { type: 'conjunction' }).format(words)
  return list.charAt(0).toLocaleUpperCase(locale) + list.slice(1)
}

export const changeNoteKinds = ['correction', 'update'] as const
export type ChangeNoteKind = (typeof changeNoteKinds)[number]
