import type { Locale } from '@pressroom/shared'
import { escapeHtml } from '@pressroom/shared/richtext'
import { type MessageKey, t } from '../i18n/reader/index.ts'
import type { Subscriber } from '../payload-types.ts'
import { fieldValues, type Invalid } from './validatePreferences.ts'

/**
 * A subscriber's language-aware announcement choices (docs/adr/0045), kept apart from the other
 * preferences so each verb adds them in a line: whether to be told when a publication exists only
 * in a language they did not choose, and, with more than one language, one bilingual e-mail or
 * one per language.
 */
export const languageFormats = ['perLanguage', 'bilingual'] as const
export type LanguageFormat = (typeof languageFormats)[number]
export type LanguageChoices = { languageNotices: boolean; languageFormat: LanguageFormat }

export const defaultLanguageChoices: LanguageChoices = { languageNotices: true, languageFormat: 'perLanguage' }

/** The form's words for the notices switch; JSON clients may send a boolean. */
const switches: Record<string, boolean> = { on: true, off: false, true: true, false: false }

/** The stored choices, with the defaults where a subscriber predates them. */
export function languageChoicesOf(subscriber: Partial<Subscriber> | null | undefined): LanguageChoices {
  const stored = subscriber as { languageNotices?: boolean | null; languageFormat?: string | null } | null | undefined
  return {
    languageNotices: stored?.languageNotices ?? defaultLanguageChoices.languageNotices,
    languageFormat: languageFormats.includes(stored?.languageFormat as LanguageFormat)
      ? (stored?.languageFormat as LanguageFormat)
      : defaultLanguageChoices.languageFormat,
  }
}

/**
 * Reads the form's `languageNotices` (on/off) and `languageFormat` (perLanguage/bilingual). A
 * field left out keeps `current` (the stored choice, or the default for a new subscriber), so
 * clients that predate the choices change nothing; a value outside the list is refused.
 */
export function validateLanguageChoices(
  fields: Record<string, unknown>,
  current: LanguageChoices = defaultLanguageChoices,
): { ok: true; value: LanguageChoices } | Invalid {
  const notices = fieldValues(fields.languageNotices)
  if (notices.length > 1 || (notices.length === 1 && !(notices[0]! in switches))) {
    return { ok: false, error: 'langNotices.error.notices', field: 'languageNotices' }
  }
  const format = fieldValues(fields.languageFormat)
  if (format.length > 1 || (format.length === 1 && !languageFormats.includes(format[0] as LanguageFormat))) {
    return { ok: false, error: 'langNotices.error.format', field: 'languageFormat' }
  }
  return {
    ok: true,
    value: {
      languageNotices: notices.length ? switches[notices[0]!]! : current.languageNotices,
      languageFormat: format.length ? (format[0] as LanguageFormat) : current.languageFormat,
    },
  }
}

/** The two questions as fieldsets of radio buttons, for the preferences form. */
export function languageChoicesFieldsets(locale: Locale, choices: LanguageChoices): string {
  const radio = (name: string, value: string, label: MessageKey, checked: boolean) =>
    `<label><input type="radio" name="${name}" value="${value}"${checked ? ' checked' : ''}> ${escapeHtml(t(locale, label))}</label>`
  return `<fieldset><legend>${escapeHtml(t(locale, 'langNotices.prefs.notices'))}</legend>${radio(
    'languageNotices',
    'on',
    'langNotices.prefs.notices.on',
    choices.languageNotices,
  )}${radio('languageNotices', 'off', 'langNotices.prefs.notices.off', !choices.languageNotices)}</fieldset>
<fieldset><legend>${escapeHtml(t(locale, 'langNotices.prefs.format'))}</legend>${languageFormats
    .map((f) => radio('languageFormat', f, `langNotices.prefs.format.${f}`, choices.languageFormat === f))
    .join('')}</fieldset>`
}

/** The choices as rows of the summary shown before confirming. */
export function languageChoicesSummary(locale: Locale, choices: LanguageChoices): string {
  const row = (key: MessageKey, value: MessageKey) =>
    `<dt>${escapeHtml(t(locale, key))}</dt><dd>${escapeHtml(t(locale, value))}</dd>`
  return `<dl>${row(
    'langNotices.prefs.notices',
    choices.languageNotices ? 'langNotices.prefs.notices.on' : 'langNotices.prefs.notices.off',
  )}${row('langNotices.prefs.format', `langNotices.prefs.format.${choices.languageFormat}`)}</dl>`
}
