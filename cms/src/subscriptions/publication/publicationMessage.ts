import {
  type DocumentKind,
  documentPath,
  formatDateInZone,
  kindWord,
  type Locale,
  zoneOrDefault,
} from '@pressroom/shared'
import { renderRichText, richTextToPlainText } from '@pressroom/shared/richtext'
import type { MailSettings, MessageTemplate } from '../../mail/index.ts'
import type { PublicationMail } from '../emails.tsx'
import { type PublicationExtrasSource, publicationExtrasIn } from './publicationExtras.ts'

type Localized<T> = Partial<Record<Locale, T>> | undefined

/** A publication as read for e-mail: its published version, every language at once, depth 0. */
export type PublicationDocument = Record<string, unknown>

export type PublicationMessageInput = {
  doc: PublicationDocument
  /** The document's id, for its web address when it has no slug. */
  id: number
  kind: DocumentKind
  locale: Locale
  title: string
  settings: MailSettings
  /** Set for a correction e-mail: its note, else the document's latest correction note. */
  correction?: { note?: Partial<Record<Locale, string>> }
  /** Read once per publication by loadPublicationExtras (publicationExtras.ts), for every language. */
  extras?: PublicationExtrasSource
}

/**
 * Composes the e-mail of a publication in one language: the same for every recipient (their
 * links stay placeholders), so a send renders once per language. Planning who receives it is
 * planPublicationSends' job.
 */
export async function publicationMessage(input: PublicationMessageInput): Promise<MessageTemplate> {
  // React Email loads only when a send is planned, not with every start of the CMS.
  const { publicationTemplate } = await import('../emails.tsx')
  return publicationTemplate(publicationMail(input))
}

/** What the e-mail of one language says, before it is rendered (the bilingual e-mail joins several). */
export function publicationMail(input: PublicationMessageInput): PublicationMail {
  const { doc, locale, settings } = input
  const date = typeof doc.date === 'string' ? doc.date : new Date()
  const place = (doc.place as Localized<string>)?.[locale]
  // The day in the document's own zone, else the organization's (docs/adr/0040).
  const dateText = formatDateInZone(date, locale, zoneOrDefault(doc.date_tz, settings.timeZone))
  const body = (doc.body as Localized<unknown>)?.[locale]
  const org = settings.organizationName[locale]
  return {
    locale,
    org,
    from: settings.from,
    kindLabel: kindWord(input.kind, locale, 'singular'),
    title: input.title,
    summary: (doc.summary as Localized<string>)?.[locale] ?? null,
    dateline: place ? `${place}, ${dateText}` : dateText,
    referenceNumber: (doc.referenceNumber as string | null) ?? null,
    bodyHtml: renderRichText(body),
    bodyText: richTextToPlainText(body),
    webUrl: `${settings.siteUrl}${documentPath(locale, input.kind, String(doc.slug ?? input.id))}`,
    correction: input.correction ? (input.correction.note?.[locale] ?? latestCorrection(doc, locale)) : undefined,
    extras: input.extras ? publicationExtrasIn(input.extras, locale, settings.siteUrl) : undefined,
  }
}

function latestCorrection(doc: PublicationDocument, locale: Locale): string | undefined {
  const notes = (doc.changeNotes as { kind?: string; note?: Localized<string> }[] | undefined) ?? []
  return notes.filter((n) => n.kind === 'correction').at(-1)?.note?.[locale]
}
