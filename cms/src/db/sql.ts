import { type SQL, sql } from '@payloadcms/db-sqlite/drizzle'

/**
 * Raw SQL on either database, for what must be one statement: the delivery core's hot paths
 * (claims, bulk inserts, bulk updates), job leases, retention, health counts. A single statement
 * is atomic on SQLite and on PostgreSQL alike. Table and column names follow Payload's naming
 * (slug `mail-batches` → `mail_batches`, relationship `send` → `send_id`). A conditional update
 * of one row through the adapter's schema is db/updateRowIf.ts.
 */
export { type SQL, sql }

type Row = Record<string, unknown>

/**
 * What raw SQL needs: a Payload instance, or (in the crash tests' child processes) a bare
 * drizzle handle on the same database.
 */
export type SqlDatabase = {
  db: { name: string; drizzle?: unknown }
  logger: { info: (message: string) => void; warn: (message: string) => void; error: (message: string) => void }
}

const isPostgres = (payload: SqlDatabase) => payload.db.name === 'postgres'

export async function queryRows<T extends Row = Row>(payload: SqlDatabase, query: SQL): Promise<T[]> {
  const db = (payload.db as { drizzle?: unknown }).drizzle as {
    execute?: (q: SQL) => Promise<{ rows: T[] }>
    all?: (q: SQL) => Promise<T[]>
  }
  if (isPostgres(payload)) return (await db.execute!(query)).rows
  return db.all!(query)
}

export async function execute(payload: SqlDatabase, query: SQL): Promise<void> {
  await queryRows(payload, query)
}

/** A JSON value for a `json` field's column (text on SQLite, jsonb on PostgreSQL). */
export function jsonValue(payload: SqlDatabase, value: unknown): SQL {
  const text = JSON.stringify(value ?? null)
  return isPostgres(payload) ? sql`${text}::jsonb` : sql`${text}`
}

/** Values read from JSON columns come back parsed on PostgreSQL and as text on SQLite. */
export function parseJson<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T
}

/** `count(*)` and numeric columns come back as strings from PostgreSQL. */
export const num = (value: unknown): number => Number(value ?? 0)

export const now = () => new Date().toISOString()

/** `CASE id WHEN … THEN … END` for setting a different value on each of many rows in one statement. */
export function caseById(values: Map<number, string>): SQL {
  const whens = [...values].map(([id, value]) => sql`WHEN ${id} THEN ${value}`)
  return sql`CASE "id" ${sql.join(whens, sql` `)} END`
}

export const idList = (ids: number[]): SQL =>
  sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )
