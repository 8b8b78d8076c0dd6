/** How pages and feeds print dates and times: in the document's zone, through shared/src/dates.ts (docs/adr/0040). */
import { formatDateInZone, type Locale, type TimeZone, yearInZone, zoneOrDefault } from '@pressroom/shared'
import type { Publication, SiteSettings } from './schemas.ts'

/** The zone a publication's dates are printed in: its own, else the organization's. */
export function zoneOf(pub: Pick<Publication, 'zone'>, site: Pick<SiteSettings, 'defaultTimezone'>): TimeZone {
  return zoneOrDefault(pub.zone, site.defaultTimezone)
}

/** The zone its embargo was set in, else the document's, else the organization's. */
export function embargoZoneOf(
  pub: Pick<Publication, 'zone' | 'embargoZone'>,
  site: Pick<SiteSettings, 'defaultTimezone'>,
): TimeZone {
  return zoneOrDefault(pub.embargoZone, pub.zone, site.defaultTimezone)
}

/** A date as pages print it, "6 March 2026": the calendar day in `zone`. */
export function formatDate(iso: string, locale: Locale, zone: TimeZone): string {
  return formatDateInZone(iso, locale, zone)
}

/** The year of its date line, in its own zone (a release at 00:30 on 1 January in Moscow is of the new year). */
export function yearOf(pub: Pick<Publication, 'date' | 'zone'>): string {
  return yearInZone(pub.date, zoneOrDefault(pub.zone))
}
