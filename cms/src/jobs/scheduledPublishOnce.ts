import type { CollectionSlug, Payload, PayloadRequest, SanitizedConfig, TaskConfig } from 'payload'
import type { TakeoverError } from './sweepStaleJobs.ts'

type Input = { type?: 'publish' | 'unpublish'; doc?: { relationTo: string; value: string | number } }
type Job = { id: number | string; waitUntil?: string | null; log?: { error?: unknown }[] | null }
type AnyTask = NonNullable<SanitizedConfig['jobs']['tasks']>[number]
type Handler = (args: { input: Input; job: Job; req: PayloadRequest }) => Promise<unknown>

const takenOver = (job: Job) => (job.log ?? []).some((e) => (e.error as TakeoverError | undefined)?.takenOver)

/**
 * Whether a scheduled (un)publication already happened before its process stopped: a version
 * with the wanted status saved at or after the scheduled instant. Run again blindly, the job
 * would publish whatever draft staff saved since, which nobody scheduled.
 */
async function alreadyDone(payload: Payload, job: Job, input: Input): Promise<boolean> {
  if (!input.doc || !job.waitUntil) return false
  const collection = input.doc.relationTo as CollectionSlug
  const id = input.doc.value
  if (input.type === 'unpublish') {
    const live = await payload.findByID({ collection, id, depth: 0, draft: false, disableErrors: true })
    return (live as { _status?: string } | null)?._status === 'draft'
  }
  const versions = await payload.findVersions({
    collection,
    where: {
      parent: { equals: id },
      'version._status': { equals: 'published' },
      updatedAt: { greater_than_equal: job.waitUntil },
    },
    limit: 1,
    depth: 0,
    pagination: false,
  })
  return versions.docs.length > 0
}

function publishOnce(task: AnyTask): AnyTask {
  const handler = task.handler
  if (typeof handler !== 'function') return task
  const guarded: Handler = async (args) => {
    const { input, job, req } = args
    if (takenOver(job) && (await alreadyDone(req.payload, job, input))) {
      req.payload.logger.info(
        `Job ${job.id}: the scheduled ${input.type ?? 'publish'} had happened before its process stopped; not repeated.`,
      )
      return { output: {} }
    }
    return (handler as unknown as Handler)(args)
  }
  return { ...task, handler: guarded as unknown as TaskConfig['handler'] }
}

/**
 * Payload's `schedulePublish` task, made safe to run again after a takeover (docs/adr/0026).
 * Payload adds the task while it builds the config, so this wraps the built config.
 */
export async function scheduledPublishOnce(
  config: Promise<SanitizedConfig> | SanitizedConfig,
): Promise<SanitizedConfig> {
  const built = await config
  if (built.jobs?.tasks) {
    built.jobs.tasks = built.jobs.tasks.map((task) => (task.slug === 'schedulePublish' ? publishOnce(task) : task))
  }
  return built
}
