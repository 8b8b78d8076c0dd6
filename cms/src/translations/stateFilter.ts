import { isLocale, type Locale, type TranslationState, translationStates } from '@pressroom/shared'
import type { BaseFilter, Where } from 'payload'

/**
 * The publication lists' filter "this language is in this translation state" (issue 15, item 6).
 * The state is one localized field, so Payload's own filter builder can only ask about the
 * language chosen at the top of the admin. The list takes `?translation=ru:outdated` instead
 * (links in TranslationStateFilter.tsx) and `translationListFilter` turns it into a query on that
 * language's value (`translationState.ru`), whatever the admin's language; it adds to the staff
 * member's own filters and search.
 */
export const translationParam = 'translation'

export type TranslationFilter = { locale: Locale; state: TranslationState }

/** `ru:outdated` → the filter; anything else → none (a stale or hand-edited link shows the whole list). */
export function parseTranslationFilter(value: unknown): TranslationFilter | null {
  if (typeof value !== 'string') return null
  const [locale, state] = value.split(':')
  if (!isLocale(locale) || !translationStates.includes(state as TranslationState)) return null
  return { locale, state: state as TranslationState }
}

export function translationFilterValue({ locale, state }: TranslationFilter): string {
  return `${locale}:${state}`
}

/**
 * The documents whose `locale` version is in `state`. A language never written has no state at
 * all (translation.ts sets one only with a title), so "missing" also means "no state".
 */
export function translationStateWhere({ locale, state }: TranslationFilter): Where {
  const path = `translationState.${locale}`
  if (state !== 'missing') return { [path]: { equals: state } }
  return { or: [{ [path]: { equals: 'missing' } }, { [path]: { exists: false } }] }
}

/** For `admin.baseFilter`: the list view hands it the request, whose query holds the link's choice. */
export const translationListFilter: BaseFilter = ({ req }) => {
  const filter = parseTranslationFilter(req.query?.[translationParam])
  return filter ? translationStateWhere(filter) : null
}
