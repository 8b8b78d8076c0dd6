import { randomBytes } from 'node:crypto'
import type { Payload } from 'payload'
import { jsonValue, now, num, queryRows, sql } from '../db/sql.ts'
import { type JobLeaseSettings, jobLeaseSettings, leaseCutoff } from './settings.ts'

export type SweepResult = {
  /** Jobs set runnable again: the runner picks them up on its next tick. */
  requeued: number[]
  /** Jobs whose process stopped more than JOBS_MAX_TAKEOVERS times: marked failed, not run again. */
  abandoned: number[]
}

/** What the sweeper writes into a job's log and error, so its own entries can be counted. */
export type TakeoverError = { name: 'ProcessStopped'; message: string; takenOver: true }

const isTakeover = (entry: { error?: unknown }) => (entry.error as TakeoverError | undefined)?.takenOver === true

/**
 * Takes over jobs left `processing` by a process that stopped (docs/adr/0026): Payload never
 * resets them, and a scheduled task is not scheduled again while one of its jobs is processing,
 * so one such row stops that task for good. A job whose heartbeat (`updated_at`) is older than
 * the lease is made runnable again, with a line in the log and an entry in the job's own log.
 * Each reset is one conditional UPDATE on the same staleness, so a run that came back to life
 * (a heartbeat in between) is left alone, and two sweepers never both take one job.
 */
export async function sweepStaleJobs(payload: Payload, settings: JobLeaseSettings = jobLeaseSettings()) {
  const result: SweepResult = { requeued: [], abandoned: [] }
  const cutoff = leaseCutoff(settings)
  const stale = await queryRows<{ id: unknown }>(
    payload,
    sql`SELECT "id" FROM "payload_jobs"
        WHERE "processing" = ${true} AND "completed_at" IS NULL AND "updated_at" < ${cutoff}
        ORDER BY "id" LIMIT 100`,
  )
  for (const { id } of stale) {
    const job = await payload.findByID({ collection: 'payload-jobs', id: num(id), depth: 0 }).catch(() => null)
    if (!job) continue
    const stopped = (job.log ?? []).filter(isTakeover).length + 1
    const giveUp = stopped > settings.maxTakeovers
    const task = job.taskSlug ?? 'job'
    const error: TakeoverError = {
      name: 'ProcessStopped',
      takenOver: true,
      message: giveUp
        ? `The process running this ${task} job stopped ${stopped} times (last heartbeat ${job.updatedAt}); ` +
          'it is not run again. Look at the CMS log of those moments (memory, a crash), then queue the work again.'
        : `The process running this ${task} job stopped (last heartbeat ${job.updatedAt}); it was queued again.`,
    }
    const taken = await queryRows(
      payload,
      sql`UPDATE "payload_jobs" SET "processing" = ${false}, "total_tried" = "total_tried" + 1, "updated_at" = ${now()}
            ${giveUp ? sql`, "has_error" = ${true}, "error" = ${jsonValue(payload, error)}` : sql``}
          WHERE "id" = ${num(id)} AND "processing" = ${true} AND "completed_at" IS NULL AND "updated_at" < ${cutoff}
          RETURNING "id"`,
    )
    if (taken.length === 0) continue
    await payload.db.updateJobs({
      id: job.id,
      data: {
        log: {
          $push: {
            id: randomBytes(12).toString('hex'),
            executedAt: job.updatedAt,
            completedAt: now(),
            taskSlug: task,
            taskID: '1',
            input: job.input,
            state: 'failed',
            error,
          },
        },
        updatedAt: null,
      } as never,
      req: {},
      returning: false,
    })
    if (giveUp) {
      result.abandoned.push(job.id)
      payload.logger.error({ job: job.id, task, queue: job.queue }, `Job ${job.id}: ${error.message}`)
    } else {
      result.requeued.push(job.id)
      payload.logger.warn({ job: job.id, task, queue: job.queue }, `Job ${job.id}: ${error.message}`)
    }
  }
  return result
}
