import { sql } from '@payloadcms/db-sqlite/drizzle'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { releasedWhere, releaseOf } from '../access/embargo.ts'
import { queryRows } from '../db/sql.ts'
import { normalizeInstant } from '../fields/instant.ts'
import { createStaff, type StartedPayload, staffPassword, startPayload, testDatabase } from '../testing/payload.ts'
import { apiSlug, restHandlers } from '../testing/serveRest.ts'

/**
 * Embargo instants (and the other instants of a publication) are stored as UTC ISO whatever the
 * input, so SQLite's text comparison in the embargo rule is right; invalid ones are refused in
 * the admin's language (docs/adr/0025). The whole file runs in Moscow time: an input without an
 * offset must still be read as UTC.
 */
const savedTz = process.env.TZ

describe('normalizeInstant', () => {
  const valid: [unknown, string][] = [
    ['2026-03-05T18:00:00+03:00', '2026-03-05T15:00:00.000Z'],
    ['2026-03-05T18:00+03:00', '2026-03-05T15:00:00.000Z'],
    ['2026-03-05T18:00:00.5+0300', '2026-03-05T15:00:00.500Z'],
    ['2026-03-05T18:00:00,25+03', '2026-03-05T15:00:00.250Z'],
    ['2026-03-05T10:00:00-05:00', '2026-03-05T15:00:00.000Z'],
    ['2026-03-05T15:00:00Z', '2026-03-05T15:00:00.000Z'],
    ['2026-03-05T15:00:00.123456789Z', '2026-03-05T15:00:00.123Z'],
    ['2026-03-05t15:00z', '2026-03-05T15:00:00.000Z'],
    ['  2026-03-05T15:00:00.000Z ', '2026-03-05T15:00:00.000Z'],
    ['2026-03-05 18:00', '2026-03-05T18:00:00.000Z'],
    ['2026-03-05 18:00:07', '2026-03-05T18:00:07.000Z'],
    ['2026-03-05T18:00', '2026-03-05T18:00:00.000Z'],
    ['2026-03-05', '2026-03-05T00:00:00.000Z'],
    ['2026-03-05T01:30:00+03:00', '2026-03-04T22:30:00.000Z'],
    ['2024-02-29T12:00:00+14:00', '2024-02-28T22:00:00.000Z'],
    ['2026-12-31T23:30:00-01:00', '2027-01-01T00:30:00.000Z'],
    ['0099-06-01T00:00:00Z', '0099-06-01T00:00:00.000Z'],
    [new Date('2026-03-05T15:00:00.000Z'), '2026-03-05T15:00:00.000Z'],
  ]
  const invalid: unknown[] = [
    'not a date',
    '2026-02-30 25:00',
    '2026-02-30',
    '2026-02-29T10:00Z',
    '2026-13-01',
    '2026-03-05T24:00',
    '2026-03-05T18:60',
    '2026-03-05T18:00:60',
    '2026-03-05T18:00+24:00',
    '2026-03-05T18:00:00+03:00 and more',
    'Thu, 05 Mar 2026 18:00:00 GMT',
    '05.03.2026 18:00',
    '1772722800000',
    1772722800000,
    {},
    new Date('nonsense'),
    '9999-12-31T23:30:00-01:00',
  ]

  it('stores every valid input as UTC ISO with milliseconds, the same in any server time zone', () => {
    try {
      for (const tz of ['UTC', 'Europe/Moscow', 'America/New_York', 'Asia/Kathmandu']) {
        process.env.TZ = tz
        for (const [input, stored] of valid) {
          expect(normalizeInstant(input), `${String(input)} in ${tz}`).toEqual({ ok: true, value: stored })
        }
      }
      // The zones above really differ for the runtime's own parser, so the check could have failed.
      process.env.TZ = 'UTC'
      const inUtc = new Date('2026-03-05T18:00').toISOString()
      process.env.TZ = 'Europe/Moscow'
      expect(new Date('2026-03-05T18:00').toISOString()).not.toBe(inUtc)
    } finally {
      if (savedTz === undefined) delete process.env.TZ
      else process.env.TZ = savedTz
    }
  })

  it('refuses what is not an instant, tells an empty text from null, and lets null and undefined through', () => {
    for (const input of invalid) {
      expect(normalizeInstant(input), JSON.stringify(input)).toEqual({ ok: false, reason: 'invalid' })
    }
    expect(normalizeInstant('')).toEqual({ ok: false, reason: 'empty' })
    expect(normalizeInstant('  ')).toEqual({ ok: false, reason: 'empty' })
    expect(normalizeInstant(null)).toEqual({ ok: true, value: null })
    expect(normalizeInstant(undefined)).toEqual({ ok: true, value: undefined })
  })
})

let started: StartedPayload
let payload: Payload
let token: string

type Answer = { status: number; json: any }

/** The REST handlers `next start` serves, with the admin's language as a browser sends it. */
async function call(
  method: 'GET' | 'POST' | 'PATCH',
  path: string,
  init: { body?: unknown; language?: string; anonymous?: boolean } = {},
): Promise<Answer> {
  const url = new URL(`http://localhost/api${path}`)
  const headers = new Headers({ 'Accept-Language': init.language ?? 'en' })
  if (!init.anonymous) headers.set('Authorization', `JWT ${token}`)
  if (init.body !== undefined) headers.set('Content-Type', 'application/json')
  const handler = restHandlers(payload)[method]!
  const response = await handler(
    new Request(url, { method, headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) }),
    { params: Promise.resolve({ slug: apiSlug(url.pathname) }) },
  )
  const text = await response.text()
  return { status: response.status, json: text ? JSON.parse(text) : undefined }
}

const isPostgres = () => payload.db.name === 'postgres'

/** The column as the database holds it: SQLite's text, PostgreSQL's instant written out in UTC. */
function storedText(column: string) {
  return isPostgres()
    ? sql.raw(`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`)
    : sql.raw(column)
}

async function storedEmbargo(id: number | string): Promise<{ live: unknown; latestVersion: unknown }> {
  const [live] = await queryRows<{ v: unknown }>(
    payload,
    sql`SELECT ${storedText('embargo_until')} AS v FROM press_releases WHERE id = ${id}`,
  )
  const [version] = await queryRows<{ v: unknown }>(
    payload,
    sql`SELECT ${storedText('version_embargo_until')} AS v FROM _press_releases_v WHERE parent_id = ${id} ORDER BY id DESC LIMIT 1`,
  )
  return { live: live?.v ?? null, latestVersion: version?.v ?? null }
}

async function createRelease(data: Record<string, unknown>, language = 'en'): Promise<Answer> {
  const draft = data._status !== 'published'
  return call('POST', `/press-releases${draft ? '?draft=true' : ''}`, {
    body: { title: 'Release', date: '2026-03-01T12:00:00.000Z', ...data },
    language,
  })
}

const count = async () => (await payload.count({ collection: 'press-releases' })).totalDocs

beforeAll(async () => {
  process.env.TZ = 'Europe/Moscow'
  started = await startPayload()
  payload = started.payload
  const editor = await createStaff(payload, 'editor')
  const login = await call('POST', '/users/login', {
    body: { email: editor.email, password: staffPassword },
    anonymous: true,
  })
  token = login.json.token
})
afterAll(async () => {
  await started?.stop()
  if (savedTz === undefined) delete process.env.TZ
  else process.env.TZ = savedTz
})

describe(`embargo instants through REST (${testDatabase}, server in Moscow time)`, () => {
  it('stores every offset, and no offset, as UTC ISO on create and update, in the document and its versions', async () => {
    const cases: [string, string][] = [
      ['2026-03-05T18:00:00+03:00', '2026-03-05T15:00:00.000Z'],
      ['2026-03-05T18:00+03:00', '2026-03-05T15:00:00.000Z'],
      ['2026-03-05T10:00:00-05:00', '2026-03-05T15:00:00.000Z'],
      ['2026-03-05T15:00:00Z', '2026-03-05T15:00:00.000Z'],
      ['2026-03-05T18:00:07.25+03:00', '2026-03-05T15:00:07.250Z'],
      ['2026-03-05 18:00', '2026-03-05T18:00:00.000Z'],
      ['2026-03-05 18:00:30', '2026-03-05T18:00:30.000Z'],
    ]
    for (const [input, expected] of cases) {
      const created = await createRelease({ embargoUntil: input, _status: 'published' })
      expect(created.status, input).toBe(201)
      expect(await storedEmbargo(created.json.doc.id), input).toEqual({ live: expected, latestVersion: expected })
      expect(created.json.doc.embargoUntil, input).toBe(expected)
    }

    const release = await createRelease({ embargoUntil: null, _status: 'published' })
    const id = release.json.doc.id
    expect(await storedEmbargo(id)).toEqual({ live: null, latestVersion: null })
    const updated = await call('PATCH', `/press-releases/${id}`, { body: { embargoUntil: '2026-04-01T09:30-05:00' } })
    expect(updated.status).toBe(200)
    expect(await storedEmbargo(id)).toEqual({
      live: '2026-04-01T14:30:00.000Z',
      latestVersion: '2026-04-01T14:30:00.000Z',
    })
    // A draft over the published release: its version is normalized too, the live row is untouched.
    const drafted = await call('PATCH', `/press-releases/${id}?draft=true`, {
      body: { embargoUntil: '2026-04-02 08:00', _status: 'draft' },
    })
    expect(drafted.status).toBe(200)
    expect(await storedEmbargo(id)).toEqual({
      live: '2026-04-01T14:30:00.000Z',
      latestVersion: '2026-04-02T08:00:00.000Z',
    })
  })

  it('stores the date line and change-note dates the same way', async () => {
    const created = await call('POST', '/statements', {
      body: {
        title: 'Dated in Moscow',
        date: '2026-03-05T01:30:00+03:00',
        changeNotes: [{ date: '2026-03-06 09:15', kind: 'update', note: 'Updated.' }],
        _status: 'published',
      },
    })
    expect(created.status).toBe(201)
    const id = created.json.doc.id
    const [row] = await queryRows<{ date: unknown }>(
      payload,
      sql`SELECT ${storedText('date')} AS date FROM statements WHERE id = ${id}`,
    )
    const [note] = await queryRows<{ date: unknown }>(
      payload,
      sql`SELECT ${storedText('date')} AS date FROM statements_change_notes WHERE _parent_id = ${id}`,
    )
    expect(row?.date).toBe('2026-03-04T22:30:00.000Z')
    expect(note?.date).toBe('2026-03-06T09:15:00.000Z')
  })

  it('refuses an invalid instant with a message in the admin’s language, writing nothing, drafts included', async () => {
    const before = await count()
    const refusals: [Record<string, unknown>, string, RegExp][] = [
      [{ embargoUntil: 'not a date', _status: 'published' }, 'en', /"not a date" is not a date and time\. Write it as/],
      [{ embargoUntil: '2026-02-30 25:00', _status: 'published' }, 'en', /is not a date and time/],
      [{ embargoUntil: '2026-02-30 25:00', _status: 'draft' }, 'en', /is not a date and time/],
      [{ embargoUntil: '2026-02-30 25:00', _status: 'published' }, 'ru', /«2026-02-30 25:00» — не дата и время/],
      [{ embargoUntil: '', _status: 'published' }, 'en', /An empty text is not a date.*clear the field \(null\)/],
      [{ embargoUntil: '', _status: 'draft' }, 'ru', /Пустая строка — не дата/],
      [{ embargoUntil: 1772722800000, _status: 'published' }, 'en', /is not a date and time/],
      [{ date: '2026-02-30', _status: 'draft' }, 'ru', /не дата и время/],
    ]
    for (const [data, language, message] of refusals) {
      const res = await createRelease(data, language)
      const label = `${JSON.stringify(data)} (${language})`
      expect(res.status, label).toBe(400)
      const field = res.json.errors[0].data.errors[0]
      expect(field.message, label).toMatch(message)
      expect(field.path, label).toBe('embargoUntil' in data ? 'embargoUntil' : 'date')
    }
    expect(await count()).toBe(before)

    const release = await createRelease({ embargoUntil: '2026-05-01T10:00:00Z', _status: 'published' })
    const id = release.json.doc.id
    for (const value of ['next Tuesday', '']) {
      const res = await call('PATCH', `/press-releases/${id}`, { body: { embargoUntil: value }, language: 'ru' })
      expect(res.status, value).toBe(400)
    }
    expect(await storedEmbargo(id)).toEqual({
      live: '2026-05-01T10:00:00.000Z',
      latestVersion: '2026-05-01T10:00:00.000Z',
    })
    // null is how an embargo is lifted.
    const lifted = await call('PATCH', `/press-releases/${id}`, { body: { embargoUntil: null } })
    expect(lifted.status).toBe(200)
    expect(await storedEmbargo(id)).toEqual({ live: null, latestVersion: null })
  })

  it('shows a published release to the public exactly when its embargo passes, whatever offset it was written in', async () => {
    const second = 1000
    const at = Math.ceil(Date.now() / second) * second + 3 * second
    const withOffset = (minutes: number) => {
      const local = new Date(at + minutes * 60_000).toISOString().slice(0, 19)
      const sign = minutes < 0 ? '-' : '+'
      const h = String(Math.floor(Math.abs(minutes) / 60)).padStart(2, '0')
      const m = String(Math.abs(minutes) % 60).padStart(2, '0')
      return `${local}${sign}${h}:${m}`
    }
    const inputs = {
      // Compared as text against the UTC "now", this one would stay hidden three hours too long…
      moscow: withOffset(180),
      // …and this one would be public five hours early.
      newYork: withOffset(-300),
      naive: new Date(at).toISOString().slice(0, 19).replace('T', ' '),
    }
    const ids: Record<string, number | string> = {}
    for (const [name, embargoUntil] of Object.entries(inputs)) {
      const res = await createRelease({ title: `Embargoed ${name}`, embargoUntil, _status: 'published' })
      expect(res.status, name).toBe(201)
      ids[name] = res.json.doc.id
    }
    expect(Date.now()).toBeLessThan(at)

    // Ask until well after the instant. An answer received before it must hide the release, a
    // request sent after it must show it; requests that straddle the instant prove nothing.
    const seen: Record<string, { hidden: number; shown: number }> = {}
    for (const name of Object.keys(ids)) seen[name] = { hidden: 0, shown: 0 }
    while (Date.now() < at + 1500) {
      for (const [name, id] of Object.entries(ids)) {
        const sent = Date.now()
        const one = await call('GET', `/press-releases/${id}`, { anonymous: true })
        const list = await call('GET', `/press-releases?limit=100&where[id][equals]=${id}`, { anonymous: true })
        const received = Date.now()
        if (received < at) {
          expect([one.status, list.json.totalDocs], `${name} before the embargo`).toEqual([404, 0])
          seen[name]!.hidden++
        } else if (sent >= at) {
          expect([one.status, list.json.totalDocs], `${name} after the embargo`).toEqual([200, 1])
          seen[name]!.shown++
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    for (const [name, counts] of Object.entries(seen)) {
      expect(counts.hidden, `${name}: asked before the embargo`).toBeGreaterThan(0)
      expect(counts.shown, `${name}: asked after the embargo`).toBeGreaterThan(0)
    }
  })

  it('agrees with releaseOf: the query access control runs finds exactly the documents the rule releases', async () => {
    const now = new Date(Math.floor(Date.now() / 1000) * 1000)
    const shift = (ms: number) => new Date(now.getTime() + ms).toISOString()
    const cases: [string, Record<string, unknown>][] = [
      ['no embargo', { embargoUntil: null, _status: 'published' }],
      ['past', { embargoUntil: shift(-3_600_000), _status: 'published' }],
      ['exactly now', { embargoUntil: now.toISOString(), _status: 'published' }],
      ['a millisecond ahead', { embargoUntil: shift(1), _status: 'published' }],
      ['future', { embargoUntil: shift(86_400_000), _status: 'published' }],
      ['draft', { embargoUntil: null, _status: 'draft' }],
      ['draft, past embargo', { embargoUntil: shift(-3_600_000), _status: 'draft' }],
    ]
    const ids: (number | string)[] = []
    for (const [name, data] of cases) {
      const res = await createRelease({ title: `Rule: ${name}`, ...data })
      expect(res.status, name).toBe(201)
      ids.push(res.json.doc.id)
    }
    const stored = await payload.find({ collection: 'press-releases', where: { id: { in: ids } }, pagination: false })
    const byRule = stored.docs.filter((doc) => releaseOf(doc, now).released).map((doc) => doc.id)
    const byQuery = await payload.find({
      collection: 'press-releases',
      where: { and: [{ id: { in: ids } }, releasedWhere(now)] },
      pagination: false,
    })
    expect(stored.docs).toHaveLength(cases.length)
    expect(byQuery.docs.map((doc) => doc.id).sort()).toEqual([...byRule].sort())
    // No embargo, past, and exactly now are released; the rest are not.
    expect([...byRule].sort()).toEqual(ids.slice(0, 3).sort())
  })
})

describe(`time zones of instants (${testDatabase}, docs/adr/0040)`, () => {
  // Payload's column for `embargoUntil_tz` is `embargountil_tz` (its snake case keeps the lower-case run).
  async function storedZone(id: number | string): Promise<{ live: unknown; latestVersion: unknown }> {
    const [live] = await queryRows<{ v: unknown }>(
      payload,
      sql`SELECT CAST(embargountil_tz AS TEXT) AS v FROM press_releases WHERE id = ${id}`,
    )
    const [version] = await queryRows<{ v: unknown }>(
      payload,
      sql`SELECT CAST(version_embargountil_tz AS TEXT) AS v FROM _press_releases_v WHERE parent_id = ${id} ORDER BY id DESC LIMIT 1`,
    )
    return { live: live?.v ?? null, latestVersion: version?.v ?? null }
  }
  const setOrganizationZone = (defaultTimezone: string) =>
    payload.updateGlobal({
      slug: 'site-settings',
      data: { organizationName: 'Zone test', defaultTimezone } as never,
      overrideAccess: true,
    })

  it('stores the zone beside the UTC instant and returns both, publicly once released', async () => {
    const created = await createRelease({
      embargoUntil: '2026-03-05T10:00:00-05:00',
      embargoUntil_tz: 'America/New_York',
      _status: 'published',
    })
    expect(created.status).toBe(201)
    const id = created.json.doc.id
    expect(await storedEmbargo(id)).toEqual({
      live: '2026-03-05T15:00:00.000Z',
      latestVersion: '2026-03-05T15:00:00.000Z',
    })
    expect(await storedZone(id)).toEqual({ live: 'America/New_York', latestVersion: 'America/New_York' })
    const read = await call('GET', `/press-releases/${id}`, { anonymous: true })
    expect([read.status, read.json.embargoUntil, read.json.embargoUntil_tz]).toEqual([
      200,
      '2026-03-05T15:00:00.000Z',
      'America/New_York',
    ])
    const refused = await call('PATCH', `/press-releases/${id}`, {
      body: { embargoUntil_tz: 'Mars/Olympus' },
      language: 'ru',
    })
    expect(refused.status).toBe(400)
    expect(refused.json.errors[0].data.errors[0].message).toMatch(/«Mars\/Olympus» — не часовой пояс/)
    expect(await storedZone(id)).toEqual({ live: 'America/New_York', latestVersion: 'America/New_York' })
  })

  it('gives a new entry the organization’s zone from the site settings, readable by the site', async () => {
    await setOrganizationZone('Europe/Kyiv')
    try {
      const settings = await call('GET', '/globals/site-settings', { anonymous: true })
      expect(settings.json.defaultTimezone).toBe('Europe/Kyiv')
      const created = await call('POST', '/statements', {
        body: {
          title: 'Dated in Kyiv',
          date: '2026-03-05T23:30:00Z',
          changeNotes: [{ date: '2026-03-06 09:15', kind: 'update', note: 'Updated.' }],
          _status: 'published',
        },
      })
      expect(created.status).toBe(201)
      const read = await call('GET', `/statements/${created.json.doc.id}`, { anonymous: true })
      expect([read.json.date_tz, read.json.changeNotes[0].date_tz]).toEqual(['Europe/Kyiv', 'Europe/Kyiv'])
      const release = await createRelease({ embargoUntil: '2026-03-05T15:00:00Z', _status: 'published' })
      expect(await storedZone(release.json.doc.id)).toEqual({ live: 'Europe/Kyiv', latestVersion: 'Europe/Kyiv' })
    } finally {
      await setOrganizationZone('Europe/Moscow')
    }
  })

  it('leaves the embargo rule to the instant: the same instant in another zone lifts at the same moment', async () => {
    const now = new Date()
    const past = new Date(now.getTime() - 60_000).toISOString()
    const future = new Date(now.getTime() + 3_600_000).toISOString()
    const visible: Record<string, number> = {}
    for (const [name, embargoUntil] of [
      ['past', past],
      ['future', future],
    ] as const) {
      for (const zone of ['Europe/Moscow', 'America/New_York', 'UTC']) {
        const res = await createRelease({ embargoUntil, embargoUntil_tz: zone, _status: 'published' })
        const read = await call('GET', `/press-releases/${res.json.doc.id}`, { anonymous: true })
        visible[name] = (visible[name] ?? 0) + (read.status === 200 ? 1 : 0)
      }
    }
    expect(visible).toEqual({ past: 3, future: 0 })
  })
})
