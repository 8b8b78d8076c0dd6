import type { Payload } from 'payload'

type EventSource = { on: (event: 'error', listener: (error: Error) => void) => unknown }

/**
 * node-postgres reports a connection that dies while idle in its pool (the database restarted,
 * a failover, an administrator ended it) as an 'error' event on the pool; without a listener
 * Node treats that as an uncaught exception and the whole CMS stops. Payload's adapter adds
 * none, so the CMS does: the pool drops that connection and opens a new one on the next query.
 */
export function survivePoolErrors(payload: Payload): void {
  const pool = (payload.db as unknown as { pool?: EventSource }).pool
  pool?.on('error', (error) => {
    payload.logger.warn({ err: error, msg: 'A PostgreSQL connection was lost; the next query opens a new one.' })
  })
}
