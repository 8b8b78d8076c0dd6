import { describe, expect, it } from 'vitest'
import { releasedWhere, releaseOf } from '../access/embargo.ts'

/**
 * The one embargo rule, without Payload: access control, the site-rebuild hook and the mail
 * planner all ask it (embargo-instants.test.ts checks its query form against a real database).
 */
const now = new Date('2026-03-05T15:00:00.000Z')
const at = (ms: number) => new Date(now.getTime() + ms).toISOString()

describe('releaseOf', () => {
  it('releases a published document without an embargo', () => {
    expect(releaseOf({ _status: 'published' }, now)).toEqual({ released: true })
    expect(releaseOf({ _status: 'published', embargoUntil: null }, now)).toEqual({ released: true })
    expect(releaseOf({ _status: 'published', embargoUntil: undefined }, now)).toEqual({ released: true })
  })

  it('releases once the embargo has passed, at the very instant too', () => {
    expect(releaseOf({ _status: 'published', embargoUntil: at(-3_600_000) }, now)).toEqual({ released: true })
    expect(releaseOf({ _status: 'published', embargoUntil: at(-1) }, now)).toEqual({ released: true })
    expect(releaseOf({ _status: 'published', embargoUntil: now.toISOString() }, now)).toEqual({ released: true })
    expect(releaseOf({ _status: 'published', embargoUntil: new Date(now) }, now)).toEqual({ released: true })
  })

  it('holds a published document until its embargo, and says when', () => {
    expect(releaseOf({ _status: 'published', embargoUntil: at(1) }, now)).toEqual({
      released: false,
      until: new Date(at(1)),
    })
    expect(releaseOf({ _status: 'published', embargoUntil: '2026-03-05T18:00:00+03:00' }, now)).toEqual({
      released: true,
    })
    expect(releaseOf({ _status: 'published', embargoUntil: '2026-03-05T18:00:00+02:00' }, now)).toEqual({
      released: false,
      until: new Date('2026-03-05T16:00:00.000Z'),
    })
  })

  it('never releases a draft or an unpublished document, whatever its embargo, and names no instant', () => {
    for (const status of ['draft', undefined, null, 'Published', '']) {
      for (const embargoUntil of [undefined, null, at(-3_600_000), at(3_600_000)]) {
        expect(releaseOf({ _status: status, embargoUntil }, now), `${status} ${embargoUntil}`).toEqual({
          released: false,
          until: null,
        })
      }
    }
  })

  it('never releases a published document whose embargo is not an instant (the empty text included)', () => {
    for (const embargoUntil of [
      'not a date',
      '',
      '2026-02-30T25:00',
      1772722800000,
      {},
      [],
      true,
      new Date('nonsense'),
    ]) {
      expect(releaseOf({ _status: 'published', embargoUntil }, now), JSON.stringify(embargoUntil)).toEqual({
        released: false,
        until: null,
      })
    }
  })

  it('reads the clock when no instant is given', () => {
    expect(releaseOf({ _status: 'published', embargoUntil: new Date(Date.now() - 60_000).toISOString() })).toEqual({
      released: true,
    })
    expect(
      releaseOf({ _status: 'published', embargoUntil: new Date(Date.now() + 60_000).toISOString() }).released,
    ).toBe(false)
  })
})

describe('releasedWhere', () => {
  it('asks for published documents with no embargo or one at or before now', () => {
    expect(releasedWhere(now)).toEqual({
      and: [
        { _status: { equals: 'published' } },
        { or: [{ embargoUntil: { exists: false } }, { embargoUntil: { less_than_equal: now.toISOString() } }] },
      ],
    })
  })
})
