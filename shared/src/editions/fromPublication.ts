import { type TimeZone, zoneOrDefault } from '../dates.ts'
import { type ChangeNoteKind, changeNoteKinds, type DocumentKind } from '../kinds.ts'
import type { Locale } from '../locales.ts'
import { type RichTextOptions, richTextToBlocks } from '../richtext.ts'
import type { EditionDocument } from './types.ts'

/**
 * A statement, notice or press release as the CMS's public REST API returns it for one locale
 * (`GET /api/statements?locale=ru`). Only the fields an edition prints are read.
 */
export type PublicationFromApi = {
  title?: string | null
  summary?: string | null
  place?: string | null
  date?: string | null
  /** The zone the date was entered in (Payload's date-field time zone). */
  date_tz?: string | null
  body?: unknown
  referenceNumber?: string | null
  signatories?: { name?: string | null; role?: string | null }[] | null
  addressees?: { group?: string | null }[] | null
  formalClosing?: string | null
  changeNotes?: { date?: string | null; kind?: string | null; note?: string | null }[] | null
  _status?: string | null
}

export type EditionContext = {
  locale: Locale
  kind: DocumentKind
  organizationName: string
  /** The document's page on the site in `locale`. */
  url: string
  /** Its short link to cite (absolute), printed as "Cite as" (docs/adr/0047). */
  citeUrl?: string
  /** True when `locale` has no translation and the API fell back to the other language. */
  isFallback?: boolean
  richText?: RichTextOptions
  /** The organization's zone (site settings), for a document that names none. */
  defaultZone?: TimeZone
}

/**
 * Maps a publication from the public API to an edition. Refuses anything the public must not
 * get as a download: a draft, or a document without a reference number (never published).
 */
export function editionFromPublication(doc: PublicationFromApi, context: EditionContext): EditionDocument {
  if (doc._status && doc._status !== 'published') {
    throw new Error(`"${doc.title ?? '?'}" is a draft; only published documents have editions`)
  }
  if (!doc.referenceNumber || !doc.title || !doc.date) {
    throw new Error(
      `"${doc.title ?? '?'}" has no reference number, title or date; read it from the public API after publication`,
    )
  }
  const text = (value: string | null | undefined) => value?.trim() || undefined
  return {
    locale: context.locale,
    kind: context.kind,
    referenceNumber: doc.referenceNumber,
    title: doc.title,
    summary: text(doc.summary),
    place: text(doc.place),
    date: doc.date,
    zone: zoneOrDefault(doc.date_tz, context.defaultZone),
    body: richTextToBlocks(doc.body, context.richText),
    signatories:
      context.kind === 'statement'
        ? (doc.signatories ?? []).flatMap((s) => (s.name?.trim() ? [{ name: s.name, role: text(s.role) }] : []))
        : undefined,
    addressees:
      context.kind === 'notice'
        ? (doc.addressees ?? []).flatMap((a) => (a.group?.trim() ? [a.group.trim()] : []))
        : undefined,
    formalClosing: context.kind === 'notice' ? text(doc.formalClosing) : undefined,
    changeNotes: (doc.changeNotes ?? []).flatMap((n) =>
      n.date && n.note?.trim() && (changeNoteKinds as readonly string[]).includes(n.kind ?? '')
        ? [{ date: n.date, kind: n.kind as ChangeNoteKind, note: n.note.trim() }]
        : [],
    ),
    organizationName: context.organizationName,
    isFallback: context.isFallback,
    url: context.url,
    ...(context.citeUrl ? { citeUrl: context.citeUrl } : {}),
  }
}
