import { describe, expect, it } from 'vitest'
import {
  embargoNotice,
  formatDateInZone,
  formatInstant,
  localeCodes,
  timeZones,
  yearInZone,
  zoneOrDefault,
} from '../index.ts'

describe('formatInstant', () => {
  it('names the zone in the reader language', () => {
    const at = '2026-03-05T15:00:00.000Z'
    expect(formatInstant(at, 'en', 'Europe/Moscow')).toBe('18:00 Moscow time, 5 March 2026')
    expect(formatInstant(at, 'ru', 'Europe/Moscow')).toBe('18:00 по московскому времени, 5 марта 2026 г.')
    expect(embargoNotice(at, 'en', 'Europe/Moscow')).toBe('Under embargo until 18:00 Moscow time, 5 March 2026')
    expect(embargoNotice(at, 'ru', 'Europe/Moscow')).toBe(
      'Под эмбарго до 18:00 по московскому времени, 5 марта 2026 г.',
    )
    expect(formatInstant(at, 'en', 'Europe/Kyiv')).toBe('17:00 Kyiv time, 5 March 2026')
    expect(formatInstant(at, 'ru', 'UTC')).toBe('15:00 по UTC, 5 марта 2026 г.')
  })

  it('follows daylight saving time in New York across the March change', () => {
    // 8 March 2026, 02:00 EST: clocks go to 03:00 EDT. UTC offset -5 before, -4 after.
    expect(formatInstant('2026-03-08T06:59:00Z', 'en', 'America/New_York')).toBe('01:59 Washington time, 8 March 2026')
    expect(formatInstant('2026-03-08T07:00:00Z', 'en', 'America/New_York')).toBe('03:00 Washington time, 8 March 2026')
    expect(formatInstant('2026-03-08T07:00:00Z', 'ru', 'America/New_York')).toBe(
      '03:00 по вашингтонскому времени, 8 марта 2026 г.',
    )
  })

  it('refuses what is not an instant, saying what to pass', () => {
    expect(() => formatInstant('soon', 'en', 'UTC')).toThrow(/ISO 8601/)
  })

  it('has words for every zone in every working language', () => {
    for (const zone of timeZones) {
      for (const locale of localeCodes) expect(zone[locale].time.trim(), `${zone.zone} ${locale}`).not.toBe('')
    }
  })
})

describe('formatDateInZone', () => {
  it('dates an instant by the calendar of its zone, not of UTC', () => {
    // 01:00 in Moscow on 6 March is still 5 March in UTC and in Washington.
    const at = '2026-03-05T22:00:00.000Z'
    expect(formatDateInZone(at, 'en', 'Europe/Moscow')).toBe('6 March 2026')
    expect(formatDateInZone(at, 'ru', 'Europe/Moscow')).toBe('6 марта 2026 г.')
    expect(formatDateInZone(at, 'en', 'UTC')).toBe('5 March 2026')
    expect(formatDateInZone(at, 'en', 'America/New_York')).toBe('5 March 2026')
    // A bare date is already a calendar day: the same in every zone.
    expect(formatDateInZone('2026-03-06', 'en', 'America/New_York')).toBe('6 March 2026')
    expect(yearInZone('2026-12-31T21:30:00Z', 'Europe/Moscow')).toBe('2027')
  })
})

describe('zoneOrDefault', () => {
  it('takes the first known zone, else Moscow', () => {
    expect(zoneOrDefault(undefined, 'Europe/Kyiv', 'UTC')).toBe('Europe/Kyiv')
    expect(zoneOrDefault('Mars/Olympus', null)).toBe('Europe/Moscow')
  })
})
