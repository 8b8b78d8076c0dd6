import { isLocale } from '@pressroom/shared'
import { type FieldHook, ValidationError } from 'payload'
import { adminT } from '../i18n/admin/adminT.ts'

/**
 * A date field that means an instant (an embargo, a date line, when a text changed) is stored as
 * UTC ISO 8601 with milliseconds, `2026-03-05T15:00:00.000Z`, whatever the input. SQLite keeps
 * dates as text and compares them as text (the embargo rule's `less_than_equal: now`), so
 * `…T18:00:00+03:00` stored as given would come out three hours late and `…T10:00:00-05:00` five
 * hours early. An input without an offset (`2026-03-05 18:00`) is read as UTC, never in the
 * server's time zone (docs/adr/0025). Anything else is refused, drafts included: Payload skips
 * field validation on drafts, so the refusal is a hook.
 *
 * Use: `hooks: instantHooks` on the field.
 */
const instantPattern =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i

export type Instant = { ok: true; value: string | null | undefined } | { ok: false; reason: 'empty' | 'invalid' }

const isLeapYear = (year: number) => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
const daysIn = (year: number, month: number) =>
  [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0

/** Minutes east of UTC, from `Z`, `+03`, `+0300` or `+03:00`; NaN when out of range. */
function offsetMinutes(offset: string | undefined): number {
  if (!offset || offset.toUpperCase() === 'Z') return 0
  const digits = offset.slice(1).replace(':', '')
  const hours = Number(digits.slice(0, 2))
  const minutes = Number(digits.slice(2) || '0')
  if (hours > 23 || minutes > 59) return Number.NaN
  return (offset.startsWith('-') ? -1 : 1) * (hours * 60 + minutes)
}

/** Built from the parts with UTC arithmetic only, so the server's TZ plays no part. */
function fromParts(text: string): string | undefined {
  const match = instantPattern.exec(text)
  if (!match) return undefined
  const [, y, mo, d, h, mi, s, fraction = '', offset] = match
  const [year, month, day] = [Number(y), Number(mo), Number(d)]
  const [hour, minute, second] = [Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0)]
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined
  if (hour > 23 || minute > 59 || second > 59) return undefined
  const shift = offsetMinutes(offset)
  if (Number.isNaN(shift)) return undefined
  const at = new Date(0)
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  at.setUTCFullYear(year, month - 1, day)
  at.setUTCHours(hour, minute, second, Number(fraction.padEnd(3, '0').slice(0, 3)))
  const iso = new Date(at.getTime() - shift * 60_000).toISOString()
  // Past year 9999 the ISO form changes shape (+010000-…) and no longer sorts as text.
  return iso.length === 24 ? iso : undefined
}

/** The stored form of an instant: null and undefined pass through, an invalid value is refused. */
export function normalizeInstant(input: unknown): Instant {
  if (input === null || input === undefined) return { ok: true, value: input }
  if (input instanceof Date) {
    return Number.isNaN(input.getTime()) ? { ok: false, reason: 'invalid' } : { ok: true, value: input.toISOString() }
  }
  // A number could be seconds or milliseconds: refused rather than guessed.
  if (typeof input !== 'string') return { ok: false, reason: 'invalid' }
  // An empty text is not "no embargo": only null clears an instant, so a form that loses a value
  // cannot lift an embargo by accident.
  if (input.trim() === '') return { ok: false, reason: 'empty' }
  const value = fromParts(input.trim())
  return value ? { ok: true, value } : { ok: false, reason: 'invalid' }
}

const shown = (value: unknown) => {
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  return text.length > 60 ? `${text.slice(0, 60)}…` : text
}

const isLocaleRecord = (value: unknown): value is Record<string, unknown> =>
  !!value &&
  typeof value === 'object' &&
  !(value instanceof Date) &&
  Object.keys(value).length > 0 &&
  Object.keys(value).every(isLocale)

type HookArgs = Parameters<FieldHook>[0]

/** The stored form of one value, or the whole write refused with a 400 in the admin's language. */
function storedInstant(value: unknown, { field, path, req, collection, global }: HookArgs) {
  const result = normalizeInstant(value)
  if (result.ok) return result.value
  throw new ValidationError(
    {
      collection: collection?.slug,
      global: global?.slug,
      errors: [
        {
          path: path.join('.'),
          label: field.label || field.name,
          message: adminT(req.i18n.t, 'validation')(result.reason === 'empty' ? 'instantEmpty' : 'instantInvalid', {
            value: shown(value),
          }),
        },
      ],
      req,
    },
    req.t,
  )
}

export const normalizeInstantField: FieldHook = (args) => {
  // A localized field written with locale=all: one instant per language.
  if (args.field.localized && isLocaleRecord(args.value)) {
    return Object.fromEntries(Object.entries(args.value).map(([locale, each]) => [locale, storedInstant(each, args)]))
  }
  return storedInstant(args.value, args)
}

/** Before validation (so validation and the collection's hooks see the stored form) and again before the write. */
export const instantHooks = { beforeValidate: [normalizeInstantField], beforeChange: [normalizeInstantField] }
