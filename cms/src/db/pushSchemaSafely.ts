import { getPayload, type Payload, type SanitizedConfig } from 'payload'
import { databaseKind } from './adapter.ts'

/**
 * The embedded database's schema push, made safe for upgrades (issue 12, docs/adr/0030). Payload
 * pushes on connect, statement by statement, and a failure half-way leaves a database that is
 * neither the old schema nor the new. Here the push is planned first (drizzle-kit's own plan);
 * when it would change a database that already has tables, `backup` runs before anything changes;
 * then the plan is applied in one SQLite transaction. Warnings of data loss stop the start
 * unless accepted (SCHEMA_PUSH_ACCEPT_DATA_LOSS=yes). PostgreSQL never pushes (migrations).
 */
export type SafePushOptions = {
  /** Writes a backup of the install and returns where; called only before a push that changes tables. */
  backup: () => Promise<string>
  acceptDataLoss?: boolean
  log?: (message: string) => void
  /** Payload's instance cache key (tests that open two databases in one process). */
  key?: string
}

export type SafePushResult = {
  payload: Payload
  /** Statements the push applied (0: the schema was already current). */
  changes: number
  /** The backup written before the push, if one was needed. */
  backup: string | null
  /** Statements of drizzle-kit's plan left out because they repeat an index (see withoutRepeatedIndexes). */
  skipped: string[]
}

type PushPlan = { hasDataLoss: boolean; warnings: string[]; statementsToExecute: string[] }
type SqliteClient = {
  execute: (sql: string) => Promise<{ rows: Record<string, unknown>[] }>
  batch: (statements: string[], mode: 'write') => Promise<unknown>
}
/** The parts of Payload's SQLite adapter the push uses (@payloadcms/db-sqlite 3.90). */
type SqliteAdapter = {
  push?: boolean
  connect: () => Promise<void>
  client: SqliteClient
  schema: unknown
  drizzle: unknown
  tablesFilter?: string[]
  requireDrizzleKit: () => {
    pushSchema: (schema: unknown, drizzle: unknown, filters?: string[], tables?: string[]) => Promise<PushPlan>
  }
}

export async function getPayloadWithSafePush(
  config: Promise<SanitizedConfig> | SanitizedConfig,
  options: SafePushOptions,
): Promise<SafePushResult> {
  const payload = await getPayload({ config, disableDBConnect: true, key: options.key })
  if (databaseKind() !== 'sqlite') {
    await payload.db.connect?.()
    return { payload, changes: 0, backup: null, skipped: [] }
  }
  const db = payload.db as unknown as SqliteAdapter
  db.push = false
  await db.connect()
  const tables = await countTables(db.client)
  const plan = await db.requireDrizzleKit().pushSchema(db.schema, db.drizzle, undefined, db.tablesFilter)
  const { statements, skipped } = withoutRepeatedIndexes(plan.statementsToExecute)
  if (statements.length === 0) return { payload, changes: 0, backup: null, skipped }
  if (plan.warnings.length > 0 && !options.acceptDataLoss) {
    throw new Error(
      `The new schema would lose data in the embedded database:\n  ${plan.warnings.join('\n  ')}\n` +
        'Nothing was changed. Back it up (./pressroom backup), then start again with ' +
        'SCHEMA_PUSH_ACCEPT_DATA_LOSS=yes if that loss is intended.',
    )
  }
  const backup = tables > 0 ? await options.backup() : null
  if (backup) options.log?.(`The schema changes (${statements.length} statements): backup written first to ${backup}`)
  await applyInOneTransaction(db.client, statements)
  return { payload, changes: statements.length, backup, skipped }
}

/**
 * drizzle-kit 0.31 lists the indexes of a table it rebuilds twice (once with the rebuild, once
 * as index changes); the second `CREATE INDEX` fails with "index topics_slug_idx already exists"
 * on databases made before the slug became optional. Each index is created once.
 */
export function withoutRepeatedIndexes(planned: readonly string[]): { statements: string[]; skipped: string[] } {
  const created = new Set<string>()
  const statements: string[] = []
  const skipped: string[] = []
  for (const statement of planned) {
    const index = /^\s*CREATE\s+(UNIQUE\s+)?INDEX\b/i.test(statement) ? statement.trim() : null
    if (index && created.has(index)) skipped.push(statement)
    else statements.push(statement)
    if (index) created.add(index)
  }
  return { statements, skipped }
}

async function countTables(client: SqliteClient): Promise<number> {
  const result = await client.execute("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'")
  return Number(result.rows[0]?.n ?? 0)
}

/**
 * All or nothing: SQLite changes schemas inside a transaction. Table rebuilds need foreign keys
 * off, which a transaction cannot switch, so they are switched around it; Payload's marker of a
 * pushed schema (`payload_migrations` batch -1, as its own push keeps it) changes with it.
 */
export async function applyInOneTransaction(client: SqliteClient, statements: string[]): Promise<void> {
  const foreignKeys = Number((await client.execute('PRAGMA foreign_keys')).rows[0]?.foreign_keys ?? 0)
  if (foreignKeys) await client.execute('PRAGMA foreign_keys = OFF')
  try {
    await client.batch(
      [
        ...statements.filter((statement) => !/^\s*PRAGMA\s+foreign_keys/i.test(statement)),
        "UPDATE payload_migrations SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE batch = -1",
        "INSERT INTO payload_migrations (name, batch) SELECT 'dev', -1 WHERE NOT EXISTS (SELECT 1 FROM payload_migrations WHERE batch = -1)",
      ],
      'write',
    )
  } finally {
    if (foreignKeys) await client.execute('PRAGMA foreign_keys = ON')
  }
}
