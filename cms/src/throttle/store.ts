import { createHmac } from 'node:crypto'
import { customType as pgCustomType, pgTable, varchar } from '@payloadcms/db-postgres/drizzle/pg-core'
import { customType as sqliteCustomType, sqliteTable, text } from '@payloadcms/db-sqlite/drizzle/sqlite-core'
import { RateLimiterDrizzle } from 'rate-limiter-flexible'

/**
 * Rate limits shared by every CMS process: rate-limiter-flexible's Drizzle store on Payload's own
 * database connection (libsql or node-postgres), in the `rate_limits` table of the RateLimits
 * collection. Its upsert is one statement, so counting is atomic on both databases
 * (docs/adr/0027). Make a limiter with `sharedLimiter(payload, …)`; keys go through `limitKey`.
 */

// Payload's number columns are `numeric`: PostgreSQL hands them back as strings, and the store
// passes dates, so both are converted here.
const pgMs = pgCustomType<{ data: Date; driverData: string | number }>({
  dataType: () => 'numeric',
  toDriver: (date) => date.getTime(),
  fromDriver: (value) => new Date(Number(value)),
})
const pgCount = pgCustomType<{ data: number; driverData: string | number }>({
  dataType: () => 'numeric',
  fromDriver: Number,
})
const sqliteMs = sqliteCustomType<{ data: Date; driverData: number }>({
  dataType: () => 'numeric',
  toDriver: (date) => date.getTime(),
  fromDriver: (value) => new Date(Number(value)),
})
const sqliteCount = sqliteCustomType<{ data: number; driverData: number }>({
  dataType: () => 'numeric',
  fromDriver: Number,
})

const tables = {
  postgres: pgTable('rate_limits', {
    key: varchar('key').notNull(),
    points: pgCount('points'),
    expire: pgMs('expire'),
  }),
  sqlite: sqliteTable('rate_limits', {
    key: text('key').notNull(),
    points: sqliteCount('points'),
    expire: sqliteMs('expire'),
  }),
}

/** Payload, or (a second process in tests) a bare Drizzle handle on the same database. */
export type LimitDatabase = { db: { name: string; drizzle?: unknown } }

export type LimiterOptions = {
  /** Names the limit; stored in front of each key. */
  keyPrefix: string
  /** Allowed within `duration`; more are refused until the window ends. */
  points: number
  /** Window in seconds; 0 never expires. */
  duration: number
}

const limiters = new WeakMap<object, Map<string, RateLimiterDrizzle>>()

/** One limiter per database handle and prefix; the first also sweeps expired rows (every 5 minutes). */
export function sharedLimiter(database: LimitDatabase, options: LimiterOptions): RateLimiterDrizzle {
  const drizzle = database.db.drizzle
  if (!drizzle) throw new Error('The database is not connected yet: rate limits need its connection.')
  const mine = limiters.get(drizzle) ?? new Map<string, RateLimiterDrizzle>()
  limiters.set(drizzle, mine)
  const id = `${options.keyPrefix}/${options.points}/${options.duration}`
  const existing = mine.get(id)
  if (existing) return existing
  const limiter = new RateLimiterDrizzle({
    ...options,
    storeClient: drizzle,
    schema: database.db.name === 'postgres' ? tables.postgres : tables.sqlite,
    clearExpiredByTimeout: mine.size === 0,
  })
  mine.set(id, limiter)
  return limiter
}

/**
 * A key that names a client or account without storing it: a keyed hash (PAYLOAD_SECRET) of its
 * parts, so the table holds no addresses or e-mail addresses.
 */
export function limitKey(...parts: string[]): string {
  const secret = process.env.PAYLOAD_SECRET ?? ''
  return createHmac('sha256', secret).update(parts.join('\n')).digest('base64url').slice(0, 32)
}
