import { type DocumentCollection, documentCollections, isLocale, type Locale } from '@pressroom/shared'

/** What can be previewed: every kind of publication and press kits (docs/adr/0037-previews.md). */
export type PreviewCollection = DocumentCollection | 'press-kits'

export const previewCollections: readonly PreviewCollection[] = [...documentCollections, 'press-kits']

export function isPreviewCollection(value: unknown): value is PreviewCollection {
  return (previewCollections as readonly unknown[]).includes(value)
}

/** One page in one language, the thing a preview link opens. */
export type PreviewSubject = { collection: PreviewCollection; id: string; locale: Locale }

/** A document id as it may appear in a link: digits (SQLite and PostgreSQL ids here are integers). */
const idPattern = /^\d{1,15}$/

/** The subject from untrusted parts (a URL), or null. */
export function previewSubject(collection: unknown, id: unknown, locale: unknown): PreviewSubject | null {
  if (!isPreviewCollection(collection) || !isLocale(locale)) return null
  const text = String(id ?? '')
  return idPattern.test(text) ? { collection, id: text, locale } : null
}
