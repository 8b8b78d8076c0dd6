import { isLocale, localeCodes } from '@pressroom/shared'
import type { FieldHook } from 'payload'
import { textChanged } from './textChanged.ts'

/**
 * When the words of a complete language change, every other language that was complete no longer
 * says the same thing: it becomes "outdated" in the same save, so nobody has to remember to mark it.
 *
 * - Only a language that was complete and stays complete counts as the source. Editing a partial or
 *   outdated language is translation work catching up, and must not outdate the language it
 *   follows.
 * - Only `complete` becomes `outdated`; `partial`, `missing` and an empty state are left alone.
 * - "Changed" is `textChanged`: the words readers see, not a re-save of the same text.
 * - A save that only changes the state (staff clearing the mark) changes no text and triggers
 *   nothing.
 * - Saves with `locale: 'all'` are left alone: they may carry every language at once, and Payload
 *   3.90 does not write localized values in them anyway (payloadcms/payload#16345).
 *
 * Payload hands a field hook the saved values of every language (`siblingDocWithLocales`) and builds
 * the stored document from them after the hooks, keeping the other languages' values from there; a
 * hook on a localized field cannot return another language's value, so the mark is written there.
 */
export const markTranslationsOutdated: FieldHook = ({
  value,
  data,
  originalDoc,
  siblingDocWithLocales,
  req,
  operation,
}) => {
  const locale = req.locale
  if (operation !== 'update' || !isLocale(locale) || !data || !siblingDocWithLocales) return value
  const wasSource = originalDoc?.translationState === 'complete' && value === 'complete'
  if (!wasSource || !textChanged(data, originalDoc)) return value
  const states = siblingDocWithLocales.translationState
  if (!states || typeof states !== 'object') return value
  const byLocale = states as Record<string, unknown>
  for (const other of localeCodes) {
    if (other !== locale && byLocale[other] === 'complete') byLocale[other] = 'outdated'
  }
  return value
}
