import { drizzle as postgresDrizzle } from '@payloadcms/db-postgres/drizzle/node-postgres'
import { drizzle as sqliteDrizzle } from '@payloadcms/db-sqlite/drizzle/libsql'
import type { Payload } from 'payload'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { queryRows, sql } from '../db/sql.ts'
import { openSqliteClient } from '../db/sqliteClient.ts'
import { sqliteSettings } from '../db/sqliteSettings.ts'
import { handleSubscribe } from '../subscriptions/http.ts'
import { type StartedPayload, startPayload, testDatabase } from '../testing/payload.ts'
import { type ServedRest, serveRest } from '../testing/serveRest.ts'
import { type LimitDatabase, sharedLimiter } from '../throttle/store.ts'
import { requestFrom } from './helpers/fromAddress.ts'

let started: StartedPayload
let payload: Payload
let server: ServedRest

beforeAll(async () => {
  started = await startPayload({ env: { SUBSCRIBE_RATE_LIMIT: '5/60' } })
  payload = started.payload
  server = await serveRest(payload, { '/subscriptions/subscribe': (request) => handleSubscribe(payload, request) })
})

afterAll(async () => {
  await server?.close()
  await started?.stop()
})

afterEach(() => {
  delete process.env.TRUSTED_PROXIES
  delete process.env.TRUSTED_PROXY_HEADER
})

let emails = 0
/** One subscribe form post from the loopback address `from`, with whatever headers the client adds. */
async function subscribe(from: string, headers: Record<string, string> = {}) {
  emails += 1
  const res = await requestFrom(from, `${server.url}/subscriptions/subscribe`, {
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', ...headers },
    body: `email=reader${emails}%40example.org&languages=en&locale=en`,
  })
  if (res.status === 429) expect(Number(res.headers['retry-after'])).toBeGreaterThan(0)
  return res.status
}

describe('the subscribe rate limit over HTTP', () => {
  it('counts a client that sends a different X-Forwarded-For, Forwarded or X-Real-IP each time as one client', async () => {
    const statuses: number[] = []
    for (let i = 1; i <= 8; i++) {
      statuses.push(
        await subscribe('127.0.0.2', {
          'x-forwarded-for': `198.51.100.${i}`,
          forwarded: `for=198.51.100.${i}`,
          'x-real-ip': `198.51.100.${i}`,
        }),
      )
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429])
    // Another client, from its own address, is not held back by it.
    expect(await subscribe('127.0.0.3')).toBe(200)
  })

  it('behind a trusted proxy counts the client the proxy saw, never the entries a client wrote', async () => {
    process.env.TRUSTED_PROXIES = '127.0.0.1'
    // The proxy appends the address it saw; the client made up the entries before it.
    const statuses: number[] = []
    for (let i = 1; i <= 7; i++) {
      statuses.push(await subscribe('127.0.0.1', { 'x-forwarded-for': `192.0.2.${i}, 203.0.113.50` }))
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429])
    // Other clients behind the same proxy have their own counts.
    expect(await subscribe('127.0.0.1', { 'x-forwarded-for': '203.0.113.51' })).toBe(200)
    // A peer that is not the proxy is counted by its own address, whatever it forwards.
    for (let i = 1; i <= 5; i++) expect(await subscribe('127.0.0.4', { 'x-forwarded-for': '203.0.113.51' })).toBe(200)
    expect(await subscribe('127.0.0.4', { 'x-forwarded-for': `203.0.113.${60 + emails}` })).toBe(429)
    expect(await subscribe('127.0.0.1', { 'x-forwarded-for': '203.0.113.51' })).toBe(200)
  })

  it('reads the Forwarded header instead when the proxy is said to set that one', async () => {
    process.env.TRUSTED_PROXIES = '127.0.0.1'
    process.env.TRUSTED_PROXY_HEADER = 'forwarded'
    const statuses: number[] = []
    for (let i = 1; i <= 6; i++) {
      statuses.push(
        await subscribe('127.0.0.1', {
          forwarded: `for=192.0.2.${i}, for="[2001:db8:77::${i}]"`,
          'x-forwarded-for': `203.0.113.${i}`,
        }),
      )
    }
    // One IPv6 /64 is one client: the six addresses share a count.
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429])
  })

  it('stores no address: the table holds keyed hashes only', async () => {
    const rows = await queryRows<{ key: string }>(payload, sql`SELECT "key" FROM "rate_limits"`)
    expect(rows.length).toBeGreaterThan(0)
    for (const { key } of rows) {
      expect(key).toMatch(/^subscribe:[\w-]{32}$/)
      expect(key).not.toMatch(/127\.0\.0|203\.0\.113|2001:db8/)
    }
  })
})

/** A second connection to the test database, as another CMS process has. */
async function secondConnection(): Promise<{ database: LimitDatabase; close: () => Promise<void> }> {
  const url = process.env.DATABASE_URL ?? ''
  if (testDatabase === 'postgres') {
    const db = postgresDrizzle({ connection: url })
    return { database: { db: { name: 'postgres', drizzle: db } }, close: () => db.$client.end() }
  }
  // Opened as a CMS process opens it (src/db/sqliteClient.ts: the counters in their own file).
  const client = await openSqliteClient({ url }, sqliteSettings())
  const db = sqliteDrizzle({ client })
  return { database: { db: { name: 'sqlite', drizzle: db } }, close: async () => client.close() }
}

describe('the shared store', () => {
  it('gives two limiters on two connections, as two CMS processes have, one count', async () => {
    const other = await secondConnection()
    try {
      const options = { keyPrefix: 'shared-test', points: 5, duration: 60 }
      const here = sharedLimiter(payload, options)
      const there = sharedLimiter(other.database, options)
      expect(here).not.toBe(there)
      const counts: number[] = []
      for (const limiter of [here, there, here, there, here]) counts.push((await limiter.consume('k')).consumedPoints)
      expect(counts).toEqual([1, 2, 3, 4, 5])
      await expect(there.consume('k')).rejects.toMatchObject({ consumedPoints: 6, remainingPoints: 0 })
      await expect(here.consume('k')).rejects.toMatchObject({ consumedPoints: 7 })
      const res = await there.get('k')
      expect(res?.msBeforeNext).toBeGreaterThan(55_000)
      expect(res?.msBeforeNext).toBeLessThanOrEqual(60_000)
      // Concurrent consumers lose no count.
      await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? here : there).consume('burst').catch(() => null)))
      expect((await here.get('burst'))?.consumedPoints).toBe(20)
    } finally {
      await other.close()
    }
  })

  it('starts a new window once the old one has passed', async () => {
    const limiter = sharedLimiter(payload, { keyPrefix: 'window-test', points: 2, duration: 1 })
    await limiter.consume('w')
    await limiter.consume('w')
    await expect(limiter.consume('w')).rejects.toMatchObject({ consumedPoints: 3 })
    await new Promise((resolve) => setTimeout(resolve, 1100))
    expect((await limiter.consume('w')).consumedPoints).toBe(1)
  })
})
