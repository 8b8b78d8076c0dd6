import { documentPath, formatDateInZone, formatInstant, kindWord, type Locale, zoneOrDefault } from '@pressroom/shared'
import { t } from '../../i18n/reader/index.ts'
import type { MailSettings, MessageTemplate } from '../../mail/index.ts'
import type { DigestPeriod } from './digestPeriods.ts'
import type { DigestItem } from './releasedInPeriod.ts'

type Localized<T> = Partial<Record<Locale, T>> | undefined

/**
 * Composes one digest in one language for a list of publications: the same for every subscriber
 * the list fits (their links stay placeholders), so subscribers with the same list share a send.
 */
export async function digestMessage(
  period: DigestPeriod,
  items: DigestItem[],
  locale: Locale,
  settings: MailSettings,
): Promise<MessageTemplate> {
  const org = settings.organizationName[locale]
  const zone = settings.timeZone
  const entries = items.map(({ doc, id, kind, releasedAt }) => ({
    title: (doc.title as Localized<string>)?.[locale] ?? '',
    kindLabel: kindWord(kind, locale, 'singular'),
    // The release day, in the document's zone or the organization's (docs/adr/0040).
    date: formatDateInZone(releasedAt, locale, zoneOrDefault(doc.date_tz, zone)),
    referenceNumber: (doc.referenceNumber as string | null) ?? null,
    summary: (doc.summary as Localized<string>)?.[locale] || null,
    webUrl: `${settings.siteUrl}${documentPath(locale, kind, String(doc.slug ?? id))}`,
  }))
  const date = formatDateInZone(period.end, locale, zone)
  const { digestTemplate } = await import('./digestTemplate.tsx')
  return digestTemplate({
    locale,
    org,
    from: settings.from,
    subject: t(locale, `digest.subject.${period.kind}`, { org, date }),
    intro: t(locale, 'digest.intro', {
      start: formatInstant(period.start, locale, zone),
      end: formatInstant(period.end, locale, zone),
    }),
    entries,
  })
}
