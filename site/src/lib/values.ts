/** Small pure helpers over the loaded content (no astro:content, so tests can use them). */
import { type Locale, localeCodes } from '@pressroom/shared'
import type { PerLocale } from './normalize.ts'

/** Items whose ids exist (a relation to something not public, e.g. a draft, is left out). */
export function pick<T>(map: Map<string, T>, ids: string[]): T[] {
  return ids.flatMap((id) => {
    const item = map.get(id)
    return item ? [item] : []
  })
}

/** A localized value in the reader's language, else in the other one. */
export function localized(value: PerLocale<string>, locale: Locale): string {
  return value[locale] ?? localeCodes.map((l) => value[l]).find(Boolean) ?? ''
}
