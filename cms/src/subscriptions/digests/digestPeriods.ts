import type { TimeZone } from '@pressroom/shared'
import { type DigestPeriodKind, type Weekday, weekdays } from './frequency.ts'

/** When digests go: the hour and weekly weekday of site settings, in the organization's zone. */
export type DigestSchedule = { hour: number; weekday: Weekday; zone: TimeZone }

/** A digest's period: releases at or after `start` and strictly before `end` (docs/adr/0046). */
export type DigestPeriod = { kind: DigestPeriodKind; key: string; start: Date; end: Date }

type LocalDay = { year: number; month: number; day: number; weekday: number }

function localDay(instant: Date, zone: TimeZone): LocalDay {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    weekday: 'short',
  }).formatToParts(instant)
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(part('weekday')) + 1
  return { year: Number(part('year')), month: Number(part('month')), day: Number(part('day')), weekday }
}

/** How far the zone's clock is ahead of UTC at an instant, in ms. */
function zoneOffset(instant: Date, zone: TimeZone): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(instant)
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value)
  const wall = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'))
  return wall - Math.floor(instant.getTime() / 1000) * 1000
}

/** The instant the zone's clock shows `hour`:00 on a calendar day (`dayShift` days from `day`). */
function wallClock(day: LocalDay, dayShift: number, hour: number, zone: TimeZone): Date {
  const guess = Date.UTC(day.year, day.month - 1, day.day + dayShift, hour)
  // Twice: the offset at the first estimate may differ from the offset at the answer (a DST change).
  const first = guess - zoneOffset(new Date(guess), zone)
  return new Date(guess - zoneOffset(new Date(first), zone))
}

/** The latest digest boundary at or before `instant`: the hour on each day, or on the weekday. */
export function boundaryAtOrBefore(kind: DigestPeriodKind, instant: Date, schedule: DigestSchedule): Date {
  const day = localDay(instant, schedule.zone)
  const back = kind === 'daily' ? 0 : (day.weekday - (weekdays.indexOf(schedule.weekday) + 1) + 7) % 7
  const step = kind === 'daily' ? 1 : 7
  const candidate = wallClock(day, -back, schedule.hour, schedule.zone)
  return candidate.getTime() <= instant.getTime()
    ? candidate
    : wallClock(day, -back - step, schedule.hour, schedule.zone)
}

/** `digest:daily:2026-12-07`: the kind and the calendar day its period ends, in the zone. */
export function periodKey(kind: DigestPeriodKind, end: Date, zone: TimeZone): string {
  const { year, month, day } = localDay(end, zone)
  return `digest:${kind}:${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/**
 * The period due at `now`, if any. Periods follow one another without a gap: each starts where
 * the previous one (`lastEnd`, stored) ended, so a changed hour, or a CMS that was down for days,
 * makes one longer period rather than a hole; the first one is one day or week long. It ends at
 * the latest boundary that is `settleMs` old: a publication saved just before a boundary has
 * committed by then. Nothing is due when that boundary is not after `lastEnd` or names the same
 * day as the previous period (the hour moved later on the same day: it waits for the next).
 */
export function duePeriod(
  kind: DigestPeriodKind,
  now: Date,
  schedule: DigestSchedule,
  last: { key: string; end: Date } | undefined,
  settleMs: number,
): DigestPeriod | undefined {
  const end = boundaryAtOrBefore(kind, new Date(now.getTime() - settleMs), schedule)
  if (last && end.getTime() <= last.end.getTime()) return undefined
  const key = periodKey(kind, end, schedule.zone)
  if (last?.key === key) return undefined
  const start = last?.end ?? boundaryAtOrBefore(kind, new Date(end.getTime() - 1), schedule)
  return { kind, key, start, end }
}
