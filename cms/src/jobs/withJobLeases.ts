import type { PayloadRequest, SanitizedConfig, TaskConfig } from 'payload'
import { sql } from '../db/sql.ts'
import { keepAlive } from './heartbeat.ts'

type AnyTask = NonNullable<SanitizedConfig['jobs']['tasks']>[number]
/** What every task handler receives that the lease needs; the rest is passed on untouched. */
type Handler = (args: { job: { id: number | string }; req: PayloadRequest }) => Promise<unknown>

/**
 * A task whose job refreshes its heartbeat while its handler runs (docs/adr/0026). Payload sets
 * `updated_at` when it picks the job up, in the same statement that sets `processing`, so the
 * lease starts with the run; the heartbeat keeps it while the run lasts.
 */
export function withJobHeartbeat(task: AnyTask): AnyTask {
  const handler = task.handler
  if (typeof handler !== 'function') return task
  const leased: Handler = async (args) => {
    const heartbeat = keepAlive(args.req.payload, {
      table: 'payload_jobs',
      id: args.job.id,
      stillOurs: sql`"processing" = ${true}`,
    })
    try {
      return await (handler as unknown as Handler)(args)
    } finally {
      heartbeat.stop()
    }
  }
  return { ...task, handler: leased as unknown as TaskConfig['handler'] }
}

/**
 * Every task of the built config, Payload's own `schedulePublish` included: Payload adds that one
 * while it builds the config, so the wrapping happens on the result.
 */
export async function withJobLeases(config: Promise<SanitizedConfig> | SanitizedConfig): Promise<SanitizedConfig> {
  const built = await config
  if (built.jobs?.tasks) built.jobs.tasks = built.jobs.tasks.map(withJobHeartbeat)
  return built
}
