import { type Locale, localeInfo } from './locales.ts'

/**
 * Times that readers in several countries read (an embargo, a date line) are stored as UTC
 * instants and printed in one named zone: the document's own (`<field>_tz` in the CMS) or else
 * the organization's default (site settings). This file is the only place that turns an instant
 * into words, for the site, the feeds, the e-mails and the PDF editions (docs/adr/0040).
 */

type ZoneWords = {
  /** The zone's name in a picker: "Moscow". */
  name: string
  /** How a time is said to be in it: "Moscow time", «по московскому времени». */
  time: string
}

/** The zones staff can choose, with their names in every working language. */
export const timeZones = [
  {
    zone: 'Europe/Moscow',
    en: { name: 'Moscow', time: 'Moscow time' },
    ru: { name: 'Москва', time: 'по московскому времени' },
  },
  { zone: 'Europe/Kyiv', en: { name: 'Kyiv', time: 'Kyiv time' }, ru: { name: 'Киев', time: 'по киевскому времени' } },
  {
    zone: 'Europe/Minsk',
    en: { name: 'Minsk', time: 'Minsk time' },
    ru: { name: 'Минск', time: 'по минскому времени' },
  },
  {
    zone: 'Europe/London',
    en: { name: 'London', time: 'London time' },
    ru: { name: 'Лондон', time: 'по лондонскому времени' },
  },
  {
    zone: 'Europe/Berlin',
    en: { name: 'Berlin', time: 'Berlin time' },
    ru: { name: 'Берлин', time: 'по берлинскому времени' },
  },
  {
    zone: 'Europe/Paris',
    en: { name: 'Paris', time: 'Paris time' },
    ru: { name: 'Париж', time: 'по парижскому времени' },
  },
  {
    zone: 'America/New_York',
    en: { name: 'Washington, New York', time: 'Washington time' },
    ru: { name: 'Вашингтон, Нью-Йорк', time: 'по вашингтонскому времени' },
  },
  { zone: 'UTC', en: { name: 'UTC', time: 'UTC' }, ru: { name: 'UTC', time: 'по UTC' } },
] as const satisfies readonly ({ zone: string } & Record<Locale, ZoneWords>)[]

export type TimeZone = (typeof timeZones)[number]['zone']

/** The organization's zone until an administrator chooses another in the site settings. */
export const defaultTimeZone: TimeZone = 'Europe/Moscow'

export function isTimeZone(value: unknown): value is TimeZone {
  return timeZones.some((z) => z.zone === value)
}

/** One label in every language, for pickers that take a single text: "Moscow · Москва". */
export function bilingualZoneName(zone: TimeZone): string {
  const words = timeZones.find((z) => z.zone === zone)
  return words ? [...new Set([words.en.name, words.ru.name])].join(' · ') : zone
}

/** A zone to print in: the document's own when it names a known one, else the organization's. */
export function zoneOrDefault(...candidates: unknown[]): TimeZone {
  return (candidates.find(isTimeZone) as TimeZone | undefined) ?? defaultTimeZone
}

// Making an Intl.DateTimeFormat costs far more than using one; a site build formats thousands of dates.
const formats = new Map<string, Intl.DateTimeFormat>()

function format(locale: Locale, zone: TimeZone, part: 'date' | 'time'): Intl.DateTimeFormat {
  const key = `${locale}|${zone}|${part}`
  let made = formats.get(key)
  if (!made) {
    const options: Intl.DateTimeFormatOptions =
      part === 'date'
        ? { day: 'numeric', month: 'long', year: 'numeric' }
        : { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
    made = new Intl.DateTimeFormat(localeInfo(locale).dateLocale, { ...options, timeZone: zone })
    formats.set(key, made)
  }
  return made
}

function instantOf(instant: string | Date): Date {
  const at = instant instanceof Date ? instant : new Date(instant)
  if (Number.isNaN(at.getTime())) throw new Error(`"${String(instant)}" is not an instant; pass an ISO 8601 date-time`)
  return at
}

const dateOnly = /^\d{4}-\d{2}-\d{2}$/

/**
 * The calendar date of an instant in a zone: "6 March 2026", «6 марта 2026 г.». A bare date
 * (`2026-03-06`) is already a calendar date and prints as itself in any zone.
 */
export function formatDateInZone(instant: string | Date, locale: Locale, zone: TimeZone): string {
  const bare = typeof instant === 'string' && dateOnly.test(instant.trim())
  return format(locale, bare ? 'UTC' : zone, 'date').format(instantOf(instant))
}

/** An instant with its zone named: "18:00 Moscow time, 5 March 2026", «18:00 по московскому времени, 5 марта 2026 г.». */
export function formatInstant(instant: string | Date, locale: Locale, zone: TimeZone): string {
  const at = instantOf(instant)
  const words = timeZones.find((z) => z.zone === zone)?.[locale].time ?? zone
  return `${format(locale, zone, 'time').format(at)} ${words}, ${format(locale, zone, 'date').format(at)}`
}

/** The year of an instant's calendar date in a zone ("2026"), for archives by year. */
export function yearInZone(instant: string | Date, zone: TimeZone): string {
  const bare = typeof instant === 'string' && dateOnly.test(instant.trim())
  return String(
    new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: bare ? 'UTC' : zone }).format(instantOf(instant)),
  )
}

const embargoWords: Record<Locale, string> = { en: 'Under embargo until', ru: 'Под эмбарго до' }

/** "Under embargo until 18:00 Moscow time, 5 March 2026". */
export function embargoNotice(instant: string | Date, locale: Locale, zone: TimeZone): string {
  return `${embargoWords[locale]} ${formatInstant(instant, locale, zone)}`
}
