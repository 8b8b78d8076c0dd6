import type { TimeZone } from '../dates.ts'
import type { ChangeNoteKind, DocumentKind } from '../kinds.ts'
import type { Locale } from '../locales.ts'
import type { Block } from '../richtext.ts'

export type { Block, Inline } from '../richtext.ts'

export type ChangeNote = { date: string; kind: ChangeNoteKind; note: string }

/**
 * One language edition of a published statement, notice or press release, exactly as an
 * anonymous reader may see it. Builders print what they are given and nothing else: the caller
 * (the site build, reading the public API) is what keeps drafts and embargoed releases out.
 */
export type EditionDocument = {
  /** The language the edition is for (labels, date line, page numbers). */
  locale: Locale
  kind: DocumentKind
  referenceNumber: string
  title: string
  summary?: string | null
  place?: string | null
  /** The date line, ISO 8601 (a date or a date-time). */
  date: string
  /** The zone the date line (and change notes) are dated in: the document's, else the organization's. */
  zone?: TimeZone
  body: Block[]
  /** Statements. */
  signatories?: { name: string; role?: string | null }[]
  /** Notices: the institution groups the notice is addressed to. */
  addressees?: string[]
  /** Notices. */
  formalClosing?: string | null
  changeNotes?: ChangeNote[]
  organizationName: string
  /** True when the text shown is the other language's (no translation in `locale` yet). */
  isFallback?: boolean
  /** Overrides the standard notice printed on a fallback edition. */
  fallbackNotice?: string
  /** The document's web page. */
  url: string
  /** The document's short link to cite (shared/src/urls.ts `refPath`, absolute), printed as "Cite as". */
  citeUrl?: string
}
