import { bilingualZoneName, defaultTimeZone, isTimeZone, type TimeZone, timeZones } from '@pressroom/shared'
import type { DateField, PayloadRequest } from 'payload'
import { adminT } from '../i18n/admin/adminT.ts'

/**
 * The zone an instant was entered in and is shown in, kept beside it as `<field>_tz` by
 * Payload's date-field time zones. The instant itself stays UTC (fields/instant.ts): the zone
 * only changes how the admin shows and reads the picker, and in which zone the site, feeds,
 * e-mails and PDFs print the time (shared/src/dates.ts, docs/adr/0040).
 *
 * Use: `timezone: instantZone` on a date field that also has `hooks: instantHooks`.
 */

/** The organization's zone (site settings) for a new entry; Moscow until one is chosen. */
export async function organizationTimeZone(req: PayloadRequest | undefined): Promise<TimeZone> {
  if (!req?.payload) return defaultTimeZone
  const settings = await req.payload.findGlobal({ slug: 'site-settings', depth: 0, req, overrideAccess: true })
  const zone = (settings as { defaultTimezone?: unknown }).defaultTimezone
  return isTimeZone(zone) ? zone : defaultTimeZone
}

/** Picker labels take one text, so each names the zone in both languages: "Moscow · Москва". */
export const supportedTimeZones = timeZones.map(({ zone }) => ({ value: zone, label: bilingualZoneName(zone) }))

export const instantZone: DateField['timezone'] = {
  defaultTimezone: defaultTimeZone,
  supportedTimezones: supportedTimeZones,
  override: ({ baseField }) => ({
    ...baseField,
    label: { en: 'Time zone', ru: 'Часовой пояс' },
    // Optional to API writers: a write without one gets the organization's (the hook below).
    required: false,
    defaultValue: ({ req }: { req: PayloadRequest }) => organizationTimeZone(req),
    // Rows saved before zones existed have none (null, which no default replaces): they take the
    // organization's on their next save, so a required date's zone never blocks that save.
    hooks: { beforeValidate: [({ value, req }) => value ?? organizationTimeZone(req)] },
    // Payload adds this select after sanitizing, so it gets no option check of its own.
    validate: (value: unknown, { req }: { req: PayloadRequest }) =>
      value === null || value === undefined || isTimeZone(value)
        ? true
        : adminT(req.t, 'timezones')('unknownZone', { zone: String(value) }),
  }),
}
