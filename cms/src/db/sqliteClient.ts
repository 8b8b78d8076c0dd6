import {
  type Client,
  type Config,
  createClient,
  type InStatement,
  type ResultSet,
  type Transaction,
  type TransactionMode,
} from '@libsql/client'
import type { SqliteSettings } from './sqliteSettings.ts'
import { WriteLock } from './writeLock.ts'

/** Statements that only read may run beside a transaction; anything else takes the write lock. */
const readOnly = /^\s*(select|explain)\b/i
/** Reads and writes of rate-limit counters (src/throttle/store.ts), not the schema push's DDL. */
const rateLimitRows = /^\s*(insert\s+into|update|delete\s+from|select\b[\s\S]*?\bfrom)\s+"?rate_limits"?(\s|$)/i
const sqlOf = (stmt: InStatement) => (typeof stmt === 'string' ? stmt : stmt.sql)

/**
 * A libsql client for Payload's SQLite adapter that makes transactions safe to turn on
 * (docs/adr/0029). libsql's own client BEGINs on its connection and then opens a fresh one
 * for everything else, without the busy timeout, and its calls are synchronous: a second
 * writer in the same process either fails at once with SQLITE_BUSY or, with a busy timeout,
 * blocks the whole event loop (so the transaction it waits for can never finish) until it
 * fails. Here every connection is opened with the busy timeout (other processes) and the
 * process's writers queue for one write lock in JavaScript (this process): a transaction runs
 * on a connection of its own while reads go on beside it, and a write outside it waits for
 * its commit.
 */
export async function openSqliteClient(config: Config, settings: SqliteSettings): Promise<Client> {
  const open = async (at = config) => {
    const client = createClient(at)
    await client.execute(`PRAGMA busy_timeout = ${settings.busyTimeoutMs}`)
    await client.execute(`PRAGMA synchronous = ${settings.synchronous}`)
    return client
  }
  const main = await open()
  if (!config.url.startsWith('file:')) return main
  const mode = await main.execute('PRAGMA journal_mode')
  if (mode.rows[0]?.journal_mode !== 'wal') {
    // Readers never wait for the writer, and a commit writes one file.
    await main.execute('PRAGMA journal_mode = WAL')
    await main.execute(`PRAGMA journal_size_limit = ${64 * 1024 * 1024}`)
  }
  return new SerializedClient(
    main,
    await open(),
    new WriteLock(settings.lockTimeoutMs),
    await openRateLimits(config, open),
  )
}

/**
 * Rate-limit counters live in a file of their own beside the database (`<file>-rate-limits`).
 * They are written while a transaction holds the database's one writer: a sign-in runs in a
 * transaction, and its throttle, second-factor and alert counters must be written (and stay
 * written when a failed sign-in rolls back) without waiting for its commit, which one SQLite
 * file cannot do. Every CMS process on this machine opens the same file (docs/adr/0029).
 */
async function openRateLimits(config: Config, open: (config: Config) => Promise<Client>): Promise<Client> {
  const [file, query] = config.url.split('?')
  const limits = await open({ ...config, url: `${file}-rate-limits${query ? `?${query}` : ''}` })
  await limits.execute('PRAGMA journal_mode = WAL')
  await limits.execute(
    'CREATE TABLE IF NOT EXISTS "rate_limits" ("id" integer PRIMARY KEY NOT NULL, "key" text NOT NULL, "points" numeric NOT NULL, "expire" numeric)',
  )
  await limits.execute('CREATE UNIQUE INDEX IF NOT EXISTS "rate_limits_key_idx" ON "rate_limits" ("key")')
  return limits
}

class SerializedClient implements Client {
  constructor(
    private readonly main: Client,
    /** The one connection transactions run on; the write lock gives it to one at a time. */
    private readonly writer: Client,
    private readonly lock: WriteLock,
    /** The rate-limit counters' own file: written beside transactions, never under the lock. */
    private readonly limits: Client,
  ) {}

  get closed() {
    return this.main.closed
  }

  get protocol() {
    return this.main.protocol
  }

  execute(stmt: InStatement): Promise<ResultSet>
  execute(sql: string, args?: never): Promise<ResultSet>
  async execute(stmt: InStatement, args?: never): Promise<ResultSet> {
    const statement = typeof stmt === 'string' && args ? { sql: stmt, args } : stmt
    if (rateLimitRows.test(sqlOf(statement))) return this.limits.execute(statement)
    if (readOnly.test(sqlOf(statement))) return this.main.execute(statement)
    return this.lock.run(() => this.main.execute(statement))
  }

  batch(stmts: InStatement[], mode?: TransactionMode) {
    return this.lock.run(() => this.main.batch(stmts, mode))
  }

  migrate(stmts: InStatement[]) {
    return this.lock.run(() => this.main.migrate(stmts))
  }

  executeMultiple(sql: string) {
    return this.lock.run(() => this.main.executeMultiple(sql))
  }

  async transaction(mode: TransactionMode = 'write'): Promise<Transaction> {
    const release = await this.lock.acquire()
    try {
      // IMMEDIATE: the write lock is taken now, so a commit never fails on another process's write.
      await this.writer.execute(mode === 'read' ? 'BEGIN DEFERRED' : 'BEGIN IMMEDIATE')
    } catch (error) {
      release()
      throw error
    }
    return new WriterTransaction(this.writer, release)
  }

  sync() {
    return this.main.sync()
  }

  close() {
    this.limits.close()
    this.writer.close()
    this.main.close()
  }
}

class WriterTransaction implements Transaction {
  #open = true

  constructor(
    private readonly writer: Client,
    private readonly release: () => void,
  ) {}

  get closed() {
    return !this.#open
  }

  execute(stmt: InStatement) {
    this.#checkOpen()
    return this.writer.execute(stmt)
  }

  async batch(stmts: InStatement[]) {
    const results: ResultSet[] = []
    for (const stmt of stmts) results.push(await this.execute(stmt))
    return results
  }

  executeMultiple(sql: string) {
    this.#checkOpen()
    return this.writer.executeMultiple(sql)
  }

  commit() {
    return this.#end('COMMIT')
  }

  rollback() {
    return this.#end('ROLLBACK')
  }

  close() {
    void this.#end('ROLLBACK')
  }

  async #end(statement: 'COMMIT' | 'ROLLBACK') {
    if (!this.#open) return
    this.#open = false
    try {
      if (statement === 'COMMIT') await this.writer.execute('COMMIT')
      else await this.writer.execute('ROLLBACK').catch(() => {}) // SQLite may have rolled back already (disk full)
    } catch (error) {
      // A failed COMMIT leaves the transaction open on the shared connection: end it before the next one.
      await this.writer.execute('ROLLBACK').catch(() => {})
      throw error
    } finally {
      this.release()
    }
  }

  #checkOpen() {
    if (!this.#open) throw new Error('This SQLite transaction has already ended; start a new one.')
  }
}
