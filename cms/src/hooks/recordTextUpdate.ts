import type { CollectionBeforeChangeHook } from 'payload'

const textFields = ['title', 'summary', 'place', 'body'] as const

/**
 * Dates the text of the language being saved when its words change, so a translation marked
 * outdated can tell readers when the other version changed. Payload hands this hook the saved
 * document in the same language, so the comparison is per language.
 */
export const recordTextUpdate: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  const changed = textFields.some(
    (field) => field in data && JSON.stringify(data[field] ?? null) !== JSON.stringify(originalDoc?.[field] ?? null),
  )
  if (changed || !originalDoc?.textUpdatedAt) data.textUpdatedAt = new Date().toISOString()
  else data.textUpdatedAt = originalDoc.textUpdatedAt
  return data
}
