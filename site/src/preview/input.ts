/**
 * What the CMS hands a preview render (docs/adr/0037-previews.md): raw documents exactly as the
 * site's loader would have read them from the REST API (one per language, no fallback, depth 0),
 * the draft among them. They become the render's content with the loader's own code
 * (lib/normalize.ts, then lib/schemas.ts), so a preview cannot drift from the built page.
 */
import { type DocumentKind, documentKinds, type Locale } from '@pressroom/shared'
import {
  normalizeDocumentFile,
  normalizeMedia,
  normalizePressContact,
  normalizePressKit,
  normalizePublication,
  normalizeSettings,
  normalizeTopic,
  type PerLocale,
  type RawDoc,
} from '../lib/normalize.ts'
import * as schemas from '../lib/schemas.ts'
import type { PreviewLinkSettings } from './links.ts'

export type PreviewInput = {
  /** The page to render: a publication of a kind, or a press kit, by CMS id. */
  page: { type: 'publication'; kind: DocumentKind; id: string } | { type: 'pressKit'; id: string }
  /** The page's language. */
  locale: Locale
  /** By CMS collection slug (`press-releases`, `media`, `press-kits`, …): each document in every language. */
  docs: Record<string, PerLocale<RawDoc>[]>
  /** The site-settings global in every language. */
  settings: PerLocale<RawDoc>
  /** Where its links lead: the public site, and its files and other language through preview links. */
  links: PreviewLinkSettings
}

export type Entry = { id: string; data: unknown }

/** The site's collections (named as in content.config.ts) over the CMS's, with the loader's mapping. */
const related: Record<string, { name: string; read: (docs: PerLocale<RawDoc>) => unknown }> = {
  media: { name: 'media', read: (d) => schemas.media.parse(normalizeMedia(d)) },
  documents: { name: 'documentFiles', read: (d) => schemas.documentFile.parse(normalizeDocumentFile(d)) },
  topics: { name: 'topics', read: (d) => schemas.topic.parse(normalizeTopic(d)) },
  'press-contacts': { name: 'pressContacts', read: (d) => schemas.pressContact.parse(normalizePressContact(d)) },
  'press-kits': { name: 'pressKits', read: (d) => schemas.pressKit.parse(normalizePressKit(d)) },
}

function idOf(docs: PerLocale<RawDoc>): string {
  const doc = Object.values(docs).find((d) => d)
  if (!doc) throw new Error('A preview document has no language at all.')
  return String(doc.id)
}

/** The render's content collections, as `astro:content` would give them to the built site. */
export function previewCollections(input: PreviewInput): Map<string, Entry[]> {
  const out = new Map<string, Entry[]>()
  for (const { kind, collection } of documentKinds) {
    out.set(
      collection,
      (input.docs[collection] ?? []).map((docs) => ({
        id: idOf(docs),
        data: schemas.publication.parse(normalizePublication(kind, docs)),
      })),
    )
  }
  for (const [slug, { name, read }] of Object.entries(related)) {
    out.set(
      name,
      (input.docs[slug] ?? []).map((docs) => ({ id: idOf(docs), data: read(docs) })),
    )
  }
  out.set('settings', [{ id: 'site-settings', data: schemas.settings.parse(normalizeSettings(input.settings)) }])
  return out
}
