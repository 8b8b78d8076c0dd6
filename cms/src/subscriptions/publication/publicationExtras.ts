import {
  type DocumentCollection,
  editionDownloadPath,
  type Locale,
  mediaPath,
  pressKitPath,
  refPath,
  relationId,
} from '@pressroom/shared'
import type { Payload } from 'payload'

type Localized<T> = Partial<Record<Locale, T>> | undefined
type Row = Record<string, unknown>
/** A publication as read for e-mail (publicationMessage's PublicationDocument; not imported, which would make a circle). */
type PublicationDocument = Row

/**
 * What a publication e-mail carries besides the text (issue 16, part 5; docs/adr/0047): press
 * contacts, the PDF edition and press kits, the images with their credits, the notes to editors
 * and the short link to cite. Every link is a plain address on the public site built from
 * shared/src/urls.ts: no image is loaded from anywhere (a remote image is a read receipt), no link
 * goes through a redirector (click tracking).
 *
 * Two steps, so a caller composing several languages (a bilingual e-mail, a digest) reads once:
 * `loadPublicationExtras` reads the database, `publicationExtrasIn` picks one language.
 * Render with `PublicationExtrasBlock` / `publicationExtrasText` (publicationExtrasBlock.tsx).
 */
export type PublicationExtrasSource = {
  referenceNumber: string | null
  contacts: Row[]
  pressKits: Row[]
  images: Row[]
  notesToEditors: Localized<string>
  /** The press kits' ZIP file names, per language (shared/src/editions `pressKitFilename`). */
  kitZips: Map<string, Record<Locale, string>>
  /** The PDF edition's file name per language (`editionFilename`), when the document has a number. */
  pdfFiles?: Record<Locale, string>
}

export type PublicationExtras = {
  contacts: { name: string; role?: string; email: string; phone?: string }[]
  pdfUrl?: string
  pressKits: { title: string; pageUrl: string; zipUrl: string }[]
  images: { label: string; url: string; credit?: string; licence?: string }[]
  /** Paragraphs. */
  notesToEditors: string[]
  citeUrl?: string
}

const ids = (value: unknown): string[] =>
  Array.isArray(value) ? value.map((v) => String(relationId(v))).filter((id) => id !== 'undefined') : []

async function byIds(payload: Payload, collection: 'press-contacts' | 'media', wanted: string[]): Promise<Row[]> {
  if (wanted.length === 0) return []
  const found = await payload.find({
    collection,
    where: { id: { in: wanted } },
    locale: 'all',
    depth: 0,
    pagination: false,
  })
  const byId = new Map(found.docs.map((d) => [String(d.id), d as unknown as Row]))
  // In the order staff gave them in the document.
  return wanted.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []))
}

/** Reads what the extras are made of. `doc` is the publication as read for e-mail (every language, depth 0). */
export async function loadPublicationExtras(
  payload: Payload,
  doc: PublicationDocument,
  collection: DocumentCollection,
): Promise<PublicationExtrasSource> {
  const id = String(doc.id)
  const [contacts, images, kits, settings] = await Promise.all([
    byIds(payload, 'press-contacts', ids(doc.pressContacts)),
    byIds(payload, 'media', ids(doc.media)),
    // Only published kits have a page and a ZIP on the site; a press room has a handful.
    payload.find({
      collection: 'press-kits',
      where: { _status: { equals: 'published' } },
      locale: 'all',
      depth: 0,
      pagination: false,
      draft: false,
    }),
    payload.findGlobal({ slug: 'site-settings', locale: 'all', depth: 0 }),
  ])
  const pressKits = (kits.docs as unknown as Row[]).filter((kit) =>
    ((kit.publications as { relationTo?: string; value?: unknown }[] | undefined) ?? []).some(
      (p) => p.relationTo === collection && String(relationId(p.value)) === id,
    ),
  )
  // File names come from the editions module, which loads pdfkit: only when an e-mail is composed.
  const { editionFilename, pressKitFilename } = await import('@pressroom/shared/editions')
  const referenceNumber = typeof doc.referenceNumber === 'string' && doc.referenceNumber ? doc.referenceNumber : null
  const perLocale = (name: (locale: Locale) => string) => ({ en: name('en'), ru: name('ru') })
  return {
    referenceNumber,
    contacts,
    images,
    pressKits,
    notesToEditors: (settings as unknown as Row).notesToEditors as Localized<string>,
    kitZips: new Map(pressKits.map((kit) => [String(kit.id), perLocale((l) => pressKitFilename(String(kit.slug), l))])),
    pdfFiles: referenceNumber ? perLocale((locale) => editionFilename({ referenceNumber, locale })) : undefined,
  }
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? value.trim() : undefined

const inLocale = (value: unknown, locale: Locale): string | undefined => {
  const values = value as Localized<string>
  return text(values?.[locale]) ?? text(values?.en) ?? text(values?.ru)
}

/** The extras of one language, with absolute links on the public site `siteUrl`. */
export function publicationExtrasIn(
  source: PublicationExtrasSource,
  locale: Locale,
  siteUrl: string,
): PublicationExtras {
  const site = (path: string) => `${siteUrl}${path}`
  return {
    contacts: source.contacts.map((c) => ({
      name: inLocale(c.name, locale) ?? '',
      role: inLocale(c.role, locale),
      email: String(c.email ?? ''),
      phone: text(c.phone),
    })),
    pdfUrl: source.pdfFiles ? site(editionDownloadPath(locale, source.pdfFiles[locale])) : undefined,
    pressKits: source.pressKits.map((kit) => ({
      title: inLocale(kit.title, locale) ?? String(kit.slug),
      pageUrl: site(pressKitPath(locale, String(kit.slug))),
      zipUrl: site(editionDownloadPath(locale, source.kitZips.get(String(kit.id))![locale])),
    })),
    images: source.images.flatMap((item) =>
      typeof item.filename === 'string'
        ? [
            {
              label: inLocale(item.caption, locale) ?? inLocale(item.alt, locale) ?? item.filename,
              url: site(mediaPath(item.filename)),
              credit: text(item.credit),
              licence: text(item.licence),
            },
          ]
        : [],
    ),
    notesToEditors: (text(source.notesToEditors?.[locale]) ?? '')
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean),
    citeUrl: source.referenceNumber ? site(refPath(source.referenceNumber)) : undefined,
  }
}
