import { renderRichText } from '@pressroom/shared/richtext'

/** The words of a language version: what readers read and a translator must follow. */
const textFields = ['title', 'summary', 'place', 'body'] as const

/**
 * What a field says, as readers see it. Rich text is compared through the HTML the site renders,
 * so a re-save through the editor (which may rewrite `direction`, `version` or key order without a
 * visible change) is not a change; a new word, a new link or new emphasis is. Blank and absent are
 * the same.
 */
function wording(field: (typeof textFields)[number], value: unknown): string {
  if (value === null || value === undefined) return ''
  if (field === 'body') return renderRichText(value)
  return typeof value === 'string' ? value.trim() : JSON.stringify(value)
}

/**
 * Whether a save changes the text of the language it is made in: some text field is present in
 * the incoming data and reads differently from the saved one. Both are in that one language
 * (Payload hands hooks the saved document in the language being saved, without fallback).
 */
export function textChanged(data: Record<string, unknown>, before: Record<string, unknown> | undefined): boolean {
  return textFields.some((field) => field in data && wording(field, data[field]) !== wording(field, before?.[field]))
}
