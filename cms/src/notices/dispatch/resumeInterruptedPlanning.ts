import { APIError, type Payload } from 'payload'
import { num, queryRows, sql } from '../../db/sql.ts'
import { leaseCutoff } from '../../jobs/index.ts'
import { planDispatch } from './planDispatch.ts'

/**
 * For the CMS's job sweeper: plans to the end every dispatch whose planning stopped with its
 * process (it stayed `planning` and its lease ran out), as staff would by pressing "Plan" again
 * (docs/adr/0026). Planning again only adds the missing rows, and the claim inside planDispatch
 * lets only one planner take a dispatch over.
 */
export async function resumeInterruptedPlanning(payload: Payload): Promise<number> {
  const stale = await queryRows<{ id: unknown }>(
    payload,
    sql`SELECT "id" FROM "dispatches" WHERE "status" = 'planning' AND "updated_at" < ${leaseCutoff()} ORDER BY "id" LIMIT 10`,
  )
  let resumed = 0
  for (const { id } of stale) {
    try {
      const result = await planDispatch(payload, num(id))
      resumed += 1
      payload.logger.warn(
        { dispatch: num(id), added: result.created, total: result.total },
        'Dispatch planning was interrupted (the CMS stopped) and has been completed',
      )
    } catch (error) {
      // Another planner took it over in the meantime.
      if (error instanceof APIError && error.status === 409) continue
      payload.logger.error(
        { err: error, dispatch: num(id) },
        'Interrupted dispatch planning could not be completed; it is tried again after a lease (JOBS_LEASE_SECONDS)',
      )
    }
  }
  return resumed
}
