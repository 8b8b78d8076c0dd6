import { type DocumentCollection, documentCollections, isLocale, type Locale, localeCodes } from '@pressroom/shared'
import type { PayloadRequest } from 'payload'
import { parseDocumentId } from '../http/documentId.ts'

/** What a preview or a test names: which document, and (optionally) which language. */
export type Target = { collection?: DocumentCollection; id: number; locale?: Locale }

/** The query's (GET) or the JSON body's (POST) target, or the list of what is missing. */
export async function readTarget(req: PayloadRequest, withCollection: boolean): Promise<Target | string> {
  let source: Record<string, unknown>
  if (req.method === 'GET') source = Object.fromEntries(req.searchParams ?? new URLSearchParams())
  else source = ((await req.json?.().catch(() => ({}))) ?? {}) as Record<string, unknown>
  const id = parseDocumentId(source.id)
  const collection = source.collection as DocumentCollection
  const locale = source.locale
  const missing = [
    ...(id === undefined ? ['"id"'] : []),
    ...(withCollection && !documentCollections.includes(collection)
      ? [`"collection" (${documentCollections.join(', ')})`]
      : []),
    ...(locale !== undefined && locale !== '' && !isLocale(locale) ? [`"locale" (${localeCodes.join(', ')})`] : []),
  ]
  if (missing.length || id === undefined) return missing.join(', ')
  return {
    id,
    ...(withCollection ? { collection } : {}),
    ...(isLocale(locale) ? { locale } : {}),
  }
}
