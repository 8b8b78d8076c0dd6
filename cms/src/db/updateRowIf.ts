import { and, eq, inArray, isNull, lt, type SQL } from '@payloadcms/db-sqlite/drizzle'
import type { Payload, PayloadRequest } from 'payload'
import { now } from './sql.ts'
import { drizzleFor } from './transaction.ts'

type Table = Record<string, unknown>
type DrizzleAdapter = {
  drizzle: {
    update: (table: Table) => {
      set: (values: Record<string, unknown>) => {
        where: (condition: SQL | undefined) => { returning: (fields: Record<string, unknown>) => Promise<unknown[]> }
      }
    }
  }
  tables: Record<string, Table>
}

export type Condition =
  | { column: string; equals: unknown }
  | { column: string; isNull: true }
  | { column: string; in: unknown[] }
  /** The column holds an earlier value (ISO timestamps compare as instants on both databases). */
  | { column: string; lessThan: unknown }

/**
 * One `UPDATE … SET … WHERE id = ? AND <conditions>` statement, true when it changed the row:
 * a state change that must happen at most once (acknowledging, claiming a dispatch for
 * planning, a re-send) is a single conditional statement. Pass `req` from a hook or from
 * `inTransaction` so the statement joins that transaction (docs/adr/0029).
 * Column names are the adapter's camelCase keys; the same drizzle code runs on both databases.
 */
export async function updateRowIf(
  payload: Payload,
  tableName: string,
  id: number | string,
  conditions: Condition[],
  values: Record<string, unknown>,
  req?: PayloadRequest,
): Promise<boolean> {
  const db = payload.db as unknown as DrizzleAdapter
  // Inside a hook or inTransaction, join the transaction instead of racing it (or, on SQLite, waiting for it).
  const drizzle = (await drizzleFor(payload, req)) as DrizzleAdapter['drizzle']
  const table = db.tables[tableName]
  if (!table) throw new Error(`Table ${tableName} is not in the database adapter's schema.`)
  const column = (name: string) => {
    const found = table[name]
    if (!found) throw new Error(`Column ${name} is not in table ${tableName}.`)
    return found as Parameters<typeof eq>[0]
  }
  const where = and(
    eq(column('id'), id),
    ...conditions.map((c) => {
      if ('isNull' in c) return isNull(column(c.column))
      if ('in' in c) return inArray(column(c.column), c.in)
      if ('lessThan' in c) return lt(column(c.column), c.lessThan)
      return eq(column(c.column), c.equals)
    }),
  )
  const updated = await drizzle
    .update(table)
    .set({ ...values, updatedAt: now() })
    .where(where)
    .returning({ id: column('id') })
  return updated.length > 0
}
