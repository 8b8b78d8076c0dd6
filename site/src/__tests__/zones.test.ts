import { dateLine, type EditionDocument } from '@pressroom/shared/editions'
import { describe, expect, it } from 'vitest'
import { yearOf } from '../lib/dates.ts'
import { EditionCache } from '../lib/editionCache.ts'
import { SiteEditions } from '../lib/editions.ts'
import { feedItems } from '../lib/feedItems.ts'
import { normalizePublication, normalizeSettings } from '../lib/normalize.ts'
import { publication, settings as settingsSchema } from '../lib/schemas.ts'

/**
 * The site prints times in the document's own zone, named, and dates by the calendar of that
 * zone (docs/adr/0040), from what the CMS's public REST API returns (`date_tz`,
 * `embargoUntil_tz`, the settings' `defaultTimezone`; the CMS side is tested in
 * cms/src/__tests__/embargo-instants.test.ts).
 */
const fromApi = (extra: Record<string, unknown>) => ({
  id: 9,
  slug: 'night-release',
  referenceNumber: 'GC-PR-2026-009',
  // 01:30 in Moscow on 6 March; still 5 March in UTC and in Washington.
  date: '2026-03-05T22:30:00.000Z',
  updatedAt: '2026-03-06T08:00:00.000Z',
  embargoUntil: '2026-03-05T15:00:00.000Z',
  changeNotes: [{ id: 'n1', date: '2026-03-05T22:45:00.000Z', kind: 'update', note: 'Updated.' }],
  title: 'Night release',
  translationState: 'complete',
  topics: [],
  media: [],
  documents: [],
  pressContacts: [],
  ...extra,
})

const site = (defaultTimezone?: string) =>
  settingsSchema.parse(normalizeSettings({ en: { id: 1, organizationName: 'Initiative', defaultTimezone } }))

const release = (extra: Record<string, unknown>) =>
  publication.parse(normalizePublication('pressRelease', { en: fromApi(extra), ru: fromApi(extra) }))

describe('dates and times on the site, in the document’s zone', () => {
  it('names the embargo’s zone in the feed, in the reader’s language', () => {
    const pub = release({ date_tz: 'Europe/Moscow', embargoUntil_tz: 'America/New_York' })
    const [ru] = feedItems([pub], 'ru', site('Europe/Moscow'))
    const [en] = feedItems([pub], 'en', site('Europe/Moscow'))
    expect(en?.contentHtml).toContain('<strong>Embargo until</strong> 10:00 Washington time, 5 March 2026')
    expect(ru?.contentHtml).toContain('<strong>Эмбарго до</strong> 10:00 по вашингтонскому времени, 5 марта 2026 г.')
    // The change note at 01:45 Moscow time is dated 6 March, as the document is.
    expect(en?.contentHtml).toContain('Update, 6 March 2026:')
  })

  it('falls back to the organization’s zone for a document that names none', () => {
    const pub = release({})
    const [en] = feedItems([pub], 'en', site('Europe/Kyiv'))
    expect(en?.contentHtml).toContain('Embargo until</strong> 17:00 Kyiv time, 5 March 2026')
    expect(en?.contentHtml).toContain('Update, 6 March 2026:')
    const [inWashington] = feedItems([pub], 'en', site('America/New_York'))
    expect(inWashington?.contentHtml).toContain('Update, 5 March 2026:')
  })

  it('dates the PDF edition’s date line and its year by the document’s calendar', () => {
    const settings = site('UTC')
    const editions = (pub: ReturnType<typeof release>) =>
      new SiteEditions(
        { publications: [pub], media: new Map(), files: new Map(), contacts: new Map(), kits: [], settings },
        new EditionCache('/nonexistent'),
        false,
      )
    const moscow = release({ date_tz: 'Europe/Moscow', place: 'Moscow' })
    const utc = release({ place: 'Moscow' })
    const line = (edition: EditionDocument | undefined) =>
      edition && dateLine(edition.place, edition.date, edition.locale, edition.zone)
    expect(line(editions(moscow).edition(moscow, 'ru'))).toBe('Moscow, 6 марта 2026 г.')
    expect(line(editions(utc).edition(utc, 'en'))).toBe('Moscow, 5 March 2026')
    const shifted = release({ date: '2026-12-31T21:30:00.000Z', date_tz: 'Europe/Moscow' })
    expect([yearOf(shifted), yearOf(release({ date: '2026-12-31T21:30:00.000Z', date_tz: 'UTC' }))]).toEqual([
      '2027',
      '2026',
    ])
  })
})
