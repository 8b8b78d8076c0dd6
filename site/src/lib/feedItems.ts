/**
 * The items of a feed, apart from what needs the content store (feeds.ts), so they can be built
 * from normalized documents alone: dates and times in each document's zone (docs/adr/0040).
 */
import { documentPath, formatInstant, type Locale } from '@pressroom/shared'
import { escapeHtml, renderRichText } from '@pressroom/shared/richtext'
import { t } from '../i18n/ui.ts'
import { embargoZoneOf, formatDate, zoneOf } from './dates.ts'
import type { Publication, SiteSettings } from './schemas.ts'
import { absoluteUrl } from './urls.ts'
import { localized } from './values.ts'

export const feedLimit = 50

export type FeedItem = {
  id: string
  url: string
  title: string
  summary?: string
  contentHtml: string
  published: Date
  modified?: Date
  kind: string
  referenceNumber?: string
}

/** Items in a language: only documents that really exist in it, newest first; dates in each one's zone. */
export function feedItems(publications: Publication[], locale: Locale, site: SiteSettings): FeedItem[] {
  const ui = t(locale)
  return publications
    .flatMap((pub) => {
      const version = pub.versions[locale]
      return version ? [{ pub, version }] : []
    })
    .slice(0, feedLimit)
    .map(({ pub, version }) => {
      const url = absoluteUrl(documentPath(locale, pub.kind, pub.slug))
      // A correction or update changes the item: its note is part of the content.
      const notes = pub.changeNotes.map(
        (note) =>
          `<p><strong>${escapeHtml(ui.changeKind[note.kind])}, ${escapeHtml(formatDate(note.date, locale, zoneOf(pub, site)))}:</strong> ${escapeHtml(localized(note.note, locale))}</p>`,
      )
      const embargo = pub.embargoUntil
        ? `<p><strong>${escapeHtml(ui.embargoUntil)}</strong> ${escapeHtml(formatInstant(pub.embargoUntil, locale, embargoZoneOf(pub, site)))}</p>`
        : ''
      const lead = version.summary ? `<p>${escapeHtml(version.summary)}</p>` : ''
      const latestNote = pub.changeNotes.at(-1)?.date
      return {
        id: url,
        url,
        title: version.title,
        summary: version.summary,
        contentHtml: [...notes, embargo, lead, renderRichText(version.body, { minHeadingLevel: 2 })].join('\n'),
        published: new Date(pub.date),
        modified: latestNote ? new Date(latestNote) : undefined,
        kind: ui.kindSingular[pub.kind],
        referenceNumber: pub.referenceNumber,
      }
    })
}
