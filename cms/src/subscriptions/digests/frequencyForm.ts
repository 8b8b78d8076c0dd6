import type { Locale } from '@pressroom/shared'
import { escapeHtml } from '@pressroom/shared/richtext'
import { type MessageKey, t } from '../../i18n/reader/index.ts'
import { digestFrequencies } from './frequency.ts'

const word = (locale: Locale, frequency: string) => t(locale, `digest.frequency.${frequency}` as MessageKey)

/** The preferences page's choice of how often, as radio buttons (docs/adr/0046). */
export function frequencyFieldset(locale: Locale, chosen: string | undefined): string {
  const current = chosen ?? 'immediate'
  const radios = digestFrequencies
    .map(
      (f) =>
        `<label><input type="radio" name="frequency" value="${f}"${f === current ? ' checked' : ''}> ${escapeHtml(word(locale, f))}</label>`,
    )
    .join('')
  return `<fieldset><legend>${escapeHtml(t(locale, 'digest.frequency'))}</legend>${radios}</fieldset>`
}

/** The same choice as a line of the summary shown before confirming. */
export const frequencySummaryRow = (locale: Locale, chosen: string | undefined) =>
  `<dt>${escapeHtml(t(locale, 'digest.frequency'))}</dt><dd>${escapeHtml(word(locale, chosen ?? 'immediate'))}</dd>`
