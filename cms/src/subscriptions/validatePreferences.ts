import { type DocumentKind, documentKinds, isLocale, type Locale, localeCodes } from '@pressroom/shared'
import type { MessageKey } from '../i18n/reader/index.ts'
import { validateFrequency } from './digests/validateFrequency.ts'
import { isKindValue, type Preferences } from './preferences.ts'

/** A refused form: the message to show and the field it is about. */
export type Invalid = { ok: false; error: MessageKey; field: string }

/** A form field's values as a list: one value, repeated values, or none. */
export const fieldValues = (value: unknown): string[] =>
  (Array.isArray(value) ? value : value === undefined || value === null || value === '' ? [] : [value]).map(String)

/** Checks the preference fields of a form (languages required; kinds and topics optional, none = all). */
export function validatePreferences(
  fields: Record<string, unknown>,
  knownTopics: Map<string, number>,
): { ok: true; value: Preferences } | Invalid {
  const languages = [...new Set(fieldValues(fields.languages))]
  if (languages.length === 0 || languages.length > localeCodes.length || !languages.every(isLocale)) {
    return { ok: false, error: 'error.languages', field: 'languages' }
  }
  const kinds = [...new Set(fieldValues(fields.kinds))]
  if (kinds.length > documentKinds.length || !kinds.every(isKindValue)) {
    return { ok: false, error: 'error.kinds', field: 'kinds' }
  }
  const topics = [...new Set(fieldValues(fields.topics))]
  if (topics.length > 100 || !topics.every((slug) => knownTopics.has(slug))) {
    return { ok: false, error: 'error.topics', field: 'topics' }
  }
  const frequency = validateFrequency(fields)
  if (!frequency.ok) return frequency
  return {
    ok: true,
    value: { languages: languages as Locale[], kinds: kinds as DocumentKind[], topics, frequency: frequency.value },
  }
}
