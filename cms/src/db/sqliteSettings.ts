export type SqliteSettings = {
  /** How long a connection waits for another process's write (SQLite's busy timeout). */
  busyTimeoutMs: number
  /** How long a write waits for a transaction of this process before it gives up. */
  lockTimeoutMs: number
  /**
   * `FULL` (the default) makes every commit durable through a power cut. `SQLITE_SYNCHRONOUS=NORMAL`
   * keeps every commit through a killed process but may lose the last ones in a power cut: for
   * throw-away databases (the tests), as the test PostgreSQL runs with fsync=off (docs/adr/0029).
   */
  synchronous: 'FULL' | 'NORMAL'
}

/** How the CMS and its helper processes open SQLite connections (docs/adr/0029). */
export function sqliteSettings(env = process.env): SqliteSettings {
  const synchronous = env.SQLITE_SYNCHRONOUS?.toUpperCase() ?? 'FULL'
  if (synchronous !== 'FULL' && synchronous !== 'NORMAL') {
    throw new Error(
      `SQLITE_SYNCHRONOUS "${env.SQLITE_SYNCHRONOUS}" is not understood: leave it unset (FULL) or set NORMAL.`,
    )
  }
  return { busyTimeoutMs: 10_000, lockTimeoutMs: 30_000, synchronous }
}
