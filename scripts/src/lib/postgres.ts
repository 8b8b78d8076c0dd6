import { capture, run } from './processes.ts'

/**
 * Drops the databases whose names start with `prefix` (a LIKE pattern) that a test run left
 * because Payload still held a connection when it tried.
 */
export async function dropLeftoverDatabases(postgresUrl: string, prefix: string): Promise<void> {
  const leftovers = await capture('psql', [
    postgresUrl,
    '-Atc',
    `SELECT datname FROM pg_database WHERE datname LIKE '${prefix}%'`,
  ])
  for (const name of leftovers.split('\n').filter(Boolean)) {
    await run('psql', [postgresUrl, '-qc', `DROP DATABASE "${name}" WITH (FORCE)`])
  }
}
