import {
  type SchedulePublishHandlerArgs,
  schedulePublishHandler,
} from '@payloadcms/ui/utilities/schedulePublishHandler'
import {
  docAccessOperation,
  docAccessOperationGlobal,
  type PayloadRequest,
  type SchedulePublishTaskInput,
  type ServerFunction,
} from 'payload'
import { refuse } from './refusals.ts'

type Target = Pick<SchedulePublishTaskInput, 'doc' | 'global'>

/** Whether this user may publish the document or global, as its `update` access says for a published save. */
async function mayPublish(req: PayloadRequest, target: Target): Promise<boolean> {
  const published = { _status: 'published' }
  if (target.doc) {
    const config = req.payload.collections[target.doc.relationTo]?.config
    if (!config) return false
    const id = target.doc.value as number | string
    return Boolean((await docAccessOperation({ id, collection: { config }, data: published, req })).update)
  }
  if (target.global) {
    const globalConfig = req.payload.config.globals.find((g) => g.slug === target.global)
    if (!globalConfig) return false
    return Boolean((await docAccessOperationGlobal({ globalConfig, data: published, req })).update)
  }
  return true
}

/** What a scheduled job to be cancelled would have published or unpublished. */
async function scheduledTarget(req: PayloadRequest, jobID: number | string): Promise<Target | undefined> {
  const job = await req.payload.findByID({
    collection: 'payload-jobs',
    id: jobID,
    depth: 0,
    disableErrors: true,
    overrideAccess: true,
    req,
  })
  return job?.taskSlug === 'schedulePublish' ? (job.input as Target) : undefined
}

/**
 * The admin's "schedule-publish" server function, with the check Payload's own handler leaves
 * out: it queues (and cancels) scheduled publishing and unpublishing for anyone who can open
 * the admin. Here only someone who may publish the document now may schedule or cancel a change
 * to it. The job still runs as the user who scheduled it, through the same guards (ADR 0024).
 */
export const schedulePublishForPublishers: ServerFunction<SchedulePublishHandlerArgs> = async (args) => {
  const { req } = args
  const cancelled = args.deleteID === undefined ? undefined : await scheduledTarget(req, args.deleteID)
  for (const target of [cancelled, { doc: args.doc, global: args.global }]) {
    if (target && !(await mayPublish(req, target))) throw refuse(req, 'scheduleNeedsPublisher')
  }
  return schedulePublishHandler(args)
}

/** Server functions of ours that replace Payload's, for handleServerFunctions in the admin layout. */
export const adminServerFunctions = { 'schedule-publish': schedulePublishForPublishers }
