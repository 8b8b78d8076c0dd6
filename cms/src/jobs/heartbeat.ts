import type { SqlDatabase } from '../db/sql.ts'
import { now, queryRows, type SQL, sql } from '../db/sql.ts'
import { jobLeaseSettings } from './settings.ts'

/** Tables whose `updated_at` serves as a lease: jobs, and dispatches while they are planned. */
export type LeasedTable = 'payload_jobs' | 'dispatches'

export type Heartbeat = {
  stop: () => void
  /** True once a refresh found the row no longer ours (taken over after a stall, or finished). */
  lost: () => boolean
}

/**
 * Refreshes a row's `updated_at` every heartbeat while this process works on it (docs/adr/0026):
 * the sweeper takes over only rows whose `updated_at` is older than a lease, so a live run is
 * never taken over, however long it takes. `stillOurs` is the condition under which the row is
 * still being worked on (a job still `processing`, a dispatch still `planning`).
 */
export function keepAlive(
  payload: SqlDatabase,
  row: { table: LeasedTable; id: number | string; stillOurs: SQL },
  everyMs = jobLeaseSettings().heartbeatMs,
): Heartbeat {
  let lost = false
  let beating = false
  let stopped = false
  const beat = async () => {
    if (beating || lost || stopped) return
    beating = true
    try {
      const refreshed = await queryRows(
        payload,
        sql`UPDATE ${sql.identifier(row.table)} SET "updated_at" = ${now()}
            WHERE "id" = ${Number(row.id)} AND ${row.stillOurs} RETURNING "id"`,
      )
      // A beat still under way when the work ended finds the row finished: that is not a loss.
      if (refreshed.length === 0 && !stopped) {
        lost = true
        payload.logger.warn(
          `${row.table} ${row.id}: its lease was taken over while this process still worked on it (a stall longer ` +
            'than JOBS_LEASE_SECONDS). This run goes on; the work is idempotent, see docs/adr/0026.',
        )
      }
    } catch (error) {
      // The next beat tries again; one missed beat is well inside the lease.
      payload.logger.warn(`${row.table} ${row.id}: heartbeat failed (${(error as Error).message})`)
    } finally {
      beating = false
    }
  }
  const timer = setInterval(beat, everyMs)
  timer.unref()
  return {
    stop: () => {
      stopped = true
      clearInterval(timer)
    },
    lost: () => lost,
  }
}
