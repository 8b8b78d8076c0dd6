import type { CollectionBeforeChangeHook } from 'payload'
import { textChanged } from './textChanged.ts'

/**
 * Dates the text of the language being saved when its words change, so a translation marked
 * outdated can tell readers when the other version changed. Payload hands this hook the saved
 * document in the same language, so the comparison is per language.
 */
export const recordTextUpdate: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  if (textChanged(data, originalDoc) || !originalDoc?.textUpdatedAt) data.textUpdatedAt = new Date().toISOString()
  else data.textUpdatedAt = originalDoc.textUpdatedAt
  return data
}
