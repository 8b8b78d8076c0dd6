import { type DocumentKind, documentKinds, type Locale, localeCodes, relationId } from '@pressroom/shared'
import type { CollectionSlug, Payload } from 'payload'
import type { PreviewLinkSettings } from './previewLinks.ts'
import type { PreviewSubject } from './subject.ts'

type RawDoc = Record<string, unknown> & { id: string | number }
type PerLocale = Partial<Record<Locale, RawDoc>>

/**
 * What the site's preview render takes (site/src/preview/input.ts, the other side of this
 * contract): every document in every language as the site's loader would have read it from the
 * REST API (`fallback-locale=none`, depth 0), by CMS collection slug.
 */
export type PreviewInput = {
  page: { type: 'publication'; kind: DocumentKind; id: string } | { type: 'pressKit'; id: string }
  locale: Locale
  docs: Record<string, PerLocale[]>
  settings: PerLocale
  links: PreviewLinkSettings
}

const relatedFields = { media: 'media', documents: 'documents', topics: 'topics', pressContacts: 'press-contacts' }

function ids(value: unknown): string[] {
  return Array.isArray(value) ? value.map((item) => String(relationId(item))) : []
}

/** One document in every language; the draft (latest version, staff's view) when `draft`. */
async function everyLanguage(payload: Payload, collection: string, id: string, draft: boolean) {
  const out: PerLocale = {}
  for (const locale of localeCodes) {
    const doc = await payload.findByID({
      collection: collection as CollectionSlug,
      id,
      locale,
      fallbackLocale: false,
      depth: 0,
      draft,
      overrideAccess: true,
      disableErrors: true,
    })
    if (!doc) return undefined
    out[locale] = doc as unknown as RawDoc
  }
  return out
}

/** Documents by id in every language. `asPublic`: only what an anonymous reader may read (published, past embargo). */
async function manyInEveryLanguage(payload: Payload, collection: string, wanted: string[], asPublic = false) {
  if (wanted.length === 0) return []
  const byId = new Map<string, PerLocale>()
  for (const locale of localeCodes) {
    const { docs } = await payload.find({
      collection: collection as CollectionSlug,
      where: { id: { in: wanted } },
      locale,
      fallbackLocale: false,
      depth: 0,
      pagination: false,
      overrideAccess: !asPublic,
    })
    for (const doc of docs as unknown as RawDoc[]) {
      const entry = byId.get(String(doc.id)) ?? {}
      entry[locale] = doc
      byId.set(String(doc.id), entry)
    }
  }
  return [...byId.values()]
}

async function settingsInEveryLanguage(payload: Payload): Promise<PerLocale> {
  const out: PerLocale = {}
  for (const locale of localeCodes) {
    out[locale] = (await payload.findGlobal({
      slug: 'site-settings',
      locale,
      fallbackLocale: false,
      depth: 0,
      overrideAccess: true,
    })) as unknown as RawDoc
  }
  return out
}

/**
 * Reads the draft a verified preview link names and what its page shows beside it (media,
 * files, topics, contacts, and for a kit its publications as the public sees them), or null
 * when there is no such document.
 */
export async function loadPreviewInput(
  payload: Payload,
  subject: PreviewSubject,
  links: PreviewLinkSettings,
): Promise<PreviewInput | null> {
  const main = await everyLanguage(payload, subject.collection, subject.id, true)
  const base = main?.en ?? main?.ru
  if (!main || !base) return null
  const docs: PreviewInput['docs'] = { [subject.collection]: [main] }
  for (const [field, collection] of Object.entries(relatedFields)) {
    docs[collection] = await manyInEveryLanguage(payload, collection, ids(base[field]))
  }
  const kind = documentKinds.find((k) => k.collection === subject.collection)?.kind
  if (!kind) {
    const refs = Array.isArray(base.publications)
      ? (base.publications as { relationTo?: string; value?: unknown }[])
      : []
    for (const { collection } of documentKinds) {
      const wanted = refs.filter((ref) => ref?.relationTo === collection).map((ref) => String(relationId(ref.value)))
      docs[collection] = await manyInEveryLanguage(payload, collection, wanted, true)
    }
  }
  return {
    page: kind ? { type: 'publication', kind, id: subject.id } : { type: 'pressKit', id: subject.id },
    locale: subject.locale,
    docs,
    settings: await settingsInEveryLanguage(payload),
    links,
  }
}
