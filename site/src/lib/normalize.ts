/**
 * The CMS's REST documents (one per language, fetched without fallback) turned into the site's
 * entries. Pure functions, so the loader's mapping is tested without Astro or a CMS.
 */

import {
  type DocumentKind,
  documentKinds,
  type Locale,
  localeCodes,
  relationId,
  type TranslationState,
  translationStates,
} from '@pressroom/shared'
import { safeHref } from '@pressroom/shared/richtext'
import type {
  DocumentFile,
  ImageSize,
  MediaItem,
  PressContact,
  PressKit,
  Publication,
  PublicationVersion,
  SiteSettings,
  Topic,
} from './schemas.ts'

export type PerLocale<T> = Partial<Record<Locale, T>>
export type RawDoc = Record<string, unknown> & { id: string | number; updatedAt?: string }

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined

/** A relationship at depth 0 is an id; at depth >= 1 a document with one. */
export function relationIds(value: unknown): string[] {
  if (!Array.isArray(value)) return []
  return value
    .map((item) => relationId(item))
    .filter((id): id is string | number => typeof id === 'string' || typeof id === 'number')
    .map(String)
}

function arrayItems(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter((v): v is Record<string, unknown> => !!v && typeof v === 'object') : []
}

/** The same field in every language where it has a value. */
export function perLocale(docs: PerLocale<RawDoc>, field: string): PerLocale<string> {
  const out: PerLocale<string> = {}
  for (const locale of localeCodes) {
    const value = text(docs[locale]?.[field])
    if (value !== undefined) out[locale] = value
  }
  return out
}

function firstDoc(docs: PerLocale<RawDoc>): RawDoc {
  for (const locale of localeCodes) {
    const doc = docs[locale]
    if (doc) return doc
  }
  throw new Error('no language version of the document was returned')
}

function version(doc: RawDoc | undefined): PublicationVersion | undefined {
  const title = text(doc?.title)
  if (!doc || !title) return undefined
  const state = doc.translationState
  if (state === 'missing') return undefined
  return {
    title,
    summary: text(doc.summary),
    place: text(doc.place),
    body: doc.body ?? undefined,
    translationState: translationStates.includes(state as TranslationState) ? (state as TranslationState) : 'complete',
    textUpdatedAt: text(doc.textUpdatedAt),
    signatories: arrayItems(doc.signatories)
      .map((s) => ({ name: text(s.name) ?? '', role: text(s.role) }))
      .filter((s) => s.name !== ''),
    addressees: arrayItems(doc.addressees)
      .map((a) => text(a.group))
      .filter((g): g is string => !!g),
    formalClosing: text(doc.formalClosing),
  }
}

/**
 * The localized fields of a publication, in every kind: top-level ones, and those inside array
 * rows (the rows themselves are shared by both languages). A test checks this against the CMS's
 * own collection config, so a new localized field cannot be missed.
 */
export const publicationLocalizedFields = {
  top: ['title', 'summary', 'place', 'body', 'textUpdatedAt', 'translationState', 'formalClosing'],
  rows: { signatories: ['name', 'role'], addressees: ['group'], changeNotes: ['note'] },
} as const

function inLocale(value: unknown, locale: Locale): unknown {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? ((value as Record<string, unknown>)[locale] ?? null)
    : null
}

/**
 * One language of a publication the CMS answered with `locale=all` (each localized field as
 * `{ en: …, ru: … }`), as `locale=…&fallback-locale=none` would have answered it: a missing
 * language's values are null. One request then serves both languages.
 */
export function publicationsByLocale(doc: RawDoc): PerLocale<RawDoc> {
  const out: PerLocale<RawDoc> = {}
  for (const locale of localeCodes) {
    const view: RawDoc = { ...doc }
    for (const field of publicationLocalizedFields.top) view[field] = inLocale(doc[field], locale)
    for (const [field, subfields] of Object.entries(publicationLocalizedFields.rows)) {
      if (!Array.isArray(doc[field])) continue
      view[field] = (doc[field] as unknown[]).map((row) => {
        if (!row || typeof row !== 'object') return row
        const copy = { ...(row as Record<string, unknown>) }
        for (const sub of subfields) copy[sub] = inLocale(copy[sub], locale)
        return copy
      })
    }
    out[locale] = view
  }
  return out
}

export function normalizePublication(kind: DocumentKind, docs: PerLocale<RawDoc>): Publication {
  const base = firstDoc(docs)
  const versions: PerLocale<PublicationVersion> = {}
  for (const locale of localeCodes) {
    const v = version(docs[locale])
    if (v) versions[locale] = v
  }
  const notes = new Map<string, Publication['changeNotes'][number]>()
  for (const locale of localeCodes) {
    for (const item of arrayItems(docs[locale]?.changeNotes)) {
      const id = String(item.id ?? `${item.date}`)
      const note = notes.get(id) ?? {
        id,
        date: String(item.date ?? ''),
        kind: item.kind === 'correction' ? 'correction' : 'update',
        note: {},
      }
      const value = text(item.note)
      if (value) note.note[locale] = value
      notes.set(id, note)
    }
  }
  return {
    kind,
    cmsId: String(base.id),
    slug: String(base.slug ?? ''),
    referenceNumber: text(base.referenceNumber),
    date: String(base.date ?? ''),
    zone: text(base.date_tz),
    updatedAt: String(base.updatedAt ?? ''),
    embargoUntil: text(base.embargoUntil),
    embargoZone: text(base.embargoUntil_tz),
    topics: relationIds(base.topics),
    media: relationIds(base.media),
    documents: relationIds(base.documents),
    pressContacts: relationIds(base.pressContacts),
    changeNotes: [...notes.values()].sort((a, b) => a.date.localeCompare(b.date)),
    versions,
  }
}

export function normalizeMedia(docs: PerLocale<RawDoc>): MediaItem {
  const base = firstDoc(docs)
  const sizes: MediaItem['sizes'] = {}
  const rawSizes = base.sizes && typeof base.sizes === 'object' ? (base.sizes as Record<string, unknown>) : {}
  for (const [name, raw] of Object.entries(rawSizes)) {
    const size = raw as Partial<ImageSize> | null
    if (size?.filename && size.width && size.height && size.url) {
      sizes[name] = {
        filename: size.filename,
        width: size.width,
        height: size.height,
        mimeType: size.mimeType ?? String(base.mimeType ?? ''),
        filesize: Number(size.filesize ?? 0),
        url: size.url,
      }
    }
  }
  return {
    cmsId: String(base.id),
    filename: String(base.filename ?? ''),
    mimeType: String(base.mimeType ?? ''),
    width: Number(base.width ?? 0),
    height: Number(base.height ?? 0),
    filesize: Number(base.filesize ?? 0),
    url: String(base.url ?? ''),
    sizes,
    alt: perLocale(docs, 'alt'),
    caption: perLocale(docs, 'caption'),
    credit: text(base.credit),
    licence: text(base.licence),
    updatedAt: String(base.updatedAt ?? ''),
  }
}

export function normalizeDocumentFile(docs: PerLocale<RawDoc>): DocumentFile {
  const base = firstDoc(docs)
  return {
    cmsId: String(base.id),
    filename: String(base.filename ?? ''),
    mimeType: String(base.mimeType ?? ''),
    filesize: Number(base.filesize ?? 0),
    url: String(base.url ?? ''),
    title: perLocale(docs, 'title'),
    description: perLocale(docs, 'description'),
    language: text(base.language),
    updatedAt: String(base.updatedAt ?? ''),
  }
}

export function normalizeTopic(docs: PerLocale<RawDoc>): Topic {
  const base = firstDoc(docs)
  return {
    cmsId: String(base.id),
    slug: String(base.slug ?? ''),
    title: perLocale(docs, 'title'),
    description: perLocale(docs, 'description'),
  }
}

export function normalizePressContact(docs: PerLocale<RawDoc>): PressContact {
  const base = firstDoc(docs)
  return {
    cmsId: String(base.id),
    name: perLocale(docs, 'name'),
    role: perLocale(docs, 'role'),
    email: String(base.email ?? ''),
    phone: text(base.phone),
    languages: Array.isArray(base.languages) ? base.languages.map(String) : [],
  }
}

export function normalizePressKit(docs: PerLocale<RawDoc>): PressKit {
  const base = firstDoc(docs)
  // Polymorphic relationships arrive as { relationTo, value }.
  const publications = arrayItems(base.publications).flatMap((item) => {
    const kind = documentKinds.find((k) => k.collection === item.relationTo)?.kind
    const id = relationId(item.value)
    return kind && (typeof id === 'string' || typeof id === 'number') ? [{ kind, cmsId: String(id) }] : []
  })
  return {
    cmsId: String(base.id),
    slug: String(base.slug ?? ''),
    title: perLocale(docs, 'title'),
    description: perLocale(docs, 'description'),
    media: relationIds(base.media),
    documents: relationIds(base.documents),
    publications,
    pressContacts: relationIds(base.pressContacts),
    updatedAt: String(base.updatedAt ?? ''),
  }
}

export function normalizeSettings(docs: PerLocale<RawDoc>): SiteSettings {
  const base = firstDoc(docs)
  return {
    organizationName: perLocale(docs, 'organizationName'),
    organizationDescription: perLocale(docs, 'organizationDescription'),
    notesToEditors: perLocale(docs, 'notesToEditors'),
    defaultTimezone: text(base.defaultTimezone),
    socialLinks: arrayItems(base.socialLinks).flatMap((l) => {
      const label = text(l.label)
      const url = safeHref(text(l.url))
      return label && url ? [{ label, url }] : []
    }),
  }
}
