/**
 * The working languages of the initiative. This list is the single source for the CMS
 * (content localization and admin languages) and the site (routing, hreflang, feeds).
 */
export const locales = [
  { code: 'en', label: 'English', nativeLabel: 'English', hreflang: 'en', dateLocale: 'en-GB' },
  { code: 'ru', label: 'Russian', nativeLabel: 'Русский', hreflang: 'ru', dateLocale: 'ru-RU' },
] as const

export type Locale = (typeof locales)[number]['code']

export const localeCodes: readonly Locale[] = locales.map((l) => l.code)

export const defaultLocale: Locale = 'en'

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (localeCodes as readonly string[]).includes(value)
}

export function otherLocale(locale: Locale): Locale {
  const other = localeCodes.find((code) => code !== locale)
  if (!other) throw new Error('shared/locales: at least two locales are required')
  return other
}

export function localeInfo(locale: Locale) {
  const info = locales.find((l) => l.code === locale)
  if (!info) throw new Error(`Unknown locale "${locale}". Known locales: ${localeCodes.join(', ')}`)
  return info
}

/** How far a language version of a document has been translated. */
export const translationStates = ['complete', 'partial', 'outdated', 'missing'] as const
export type TranslationState = (typeof translationStates)[number]
