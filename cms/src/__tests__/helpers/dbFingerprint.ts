import type { Payload } from 'payload'
import { queryRows, sql } from '../../db/sql.ts'

/**
 * One line per table: its row count and its newest `updated_at`, read in one statement. Two equal
 * fingerprints mean nothing was inserted, deleted or updated through Payload or the CMS's own SQL
 * (both stamp `updated_at`) in between; `except` names tables written on purpose (rate limits).
 */
export async function databaseFingerprint(payload: Payload, except: string[] = []): Promise<() => Promise<string>> {
  const postgres = payload.db.name === 'postgres'
  const tables = postgres
    ? await queryRows<{ name: string; stamped: unknown }>(
        payload,
        sql`SELECT "t"."table_name" AS "name", EXISTS (SELECT 1 FROM "information_schema"."columns" "c"
              WHERE "c"."table_schema" = "t"."table_schema" AND "c"."table_name" = "t"."table_name"
              AND "c"."column_name" = 'updated_at') AS "stamped"
            FROM "information_schema"."tables" "t" WHERE "t"."table_schema" = current_schema() AND "t"."table_type" = 'BASE TABLE'`,
      )
    : await queryRows<{ name: string; stamped: unknown }>(
        payload,
        sql`SELECT "m"."name" AS "name", EXISTS (SELECT 1 FROM pragma_table_info("m"."name") WHERE "name" = 'updated_at') AS "stamped"
            FROM "sqlite_master" "m" WHERE "m"."type" = 'table' AND "m"."name" NOT LIKE 'sqlite_%'`,
      )
  const watched = tables.filter((t) => !except.includes(t.name)).sort((a, b) => a.name.localeCompare(b.name))
  if (watched.length < 10) throw new Error(`Only ${watched.length} tables found; is this the CMS's database?`)
  const parts = watched.map((t) => {
    const name = sql.raw(`"${t.name}"`)
    const newest = t.stamped === true || t.stamped === 1 ? sql`CAST(MAX("updated_at") AS TEXT)` : sql`''`
    return sql`SELECT ${t.name} || ' ' || CAST(COUNT(*) AS TEXT) || ' ' || COALESCE(${newest}, '') AS "line" FROM ${name}`
  })
  const query = sql.join(parts, sql` UNION ALL `)
  return async () =>
    (await queryRows<{ line: string }>(payload, query))
      .map((row) => row.line)
      .sort()
      .join('\n')
}
