import type { Payload, PayloadRequest } from 'payload'
import { inTransaction, sameTransaction } from '../db/transaction.ts'
import { wakeQueueAt } from '../jobs/wakeQueue.ts'
import type { SiteBuild } from '../payload-types.ts'
import { siteBuildSettings } from './settings.ts'

export const rebuildSiteTask = 'rebuildSite'
export const siteQueue = 'site'

/** Reasons kept on one build record; ten thousand imports need not list ten thousand lines. */
const maxReasons = 100

type RequestOptions = {
  /** Start as soon as the runner picks it up ("CMS started"); still merges pending changes. */
  immediate?: boolean
  /** Build at this moment and not before (an embargo ends); never merged with the debounce. */
  at?: Date
}

let queue: Promise<unknown> = Promise.resolve()

/**
 * Requests and the start of a build take turns in this process, so a request never pushes back
 * a build that has already started and then loses its reason. Where turns meet transactions
 * (docs/adr/0029): SQLite has one writer, so a turn that waited for the write lock held by a
 * transaction waiting for that turn would never come: there the turn is taken inside a
 * transaction (the caller's `outer`, e.g. a hook's, or its own). PostgreSQL locks rows: there a
 * turn keeps to its own short writes, so that no row lock outlives it.
 */
export function oneAtATime<T>(
  payload: Payload,
  action: (req?: PayloadRequest) => Promise<T>,
  outer?: PayloadRequest,
): Promise<T> {
  const take = (req?: PayloadRequest) => {
    const result = queue.then(
      () => action(req),
      () => action(req),
    )
    queue = result.catch(() => undefined)
    return result
  }
  if (payload.db.name !== 'sqlite') return take()
  return inTransaction(payload, (req) => take(sameTransaction(req)), outer)
}

/**
 * Queues a rebuild of the public site through the job queue, debounced: while a queued build has
 * not started, a new request joins it and moves its start to now + debounce, but never later than
 * its first request + max wait. Returns the build record, or null when SITE_BUILD=off.
 * Given a hook's `req`, on SQLite the request commits with the change that caused it.
 */
export function requestSiteBuild(
  payload: Payload,
  reason: string,
  options: RequestOptions = {},
  outer?: PayloadRequest,
): Promise<SiteBuild | null> {
  const settings = siteBuildSettings()
  if (!settings.enabled) return Promise.resolve(null)
  const requested = oneAtATime(
    payload,
    async (req): Promise<SiteBuild> => {
      const now = Date.now()
      if (options.at && options.at.getTime() > now) {
        const at = options.at
        const waiting = await pendingBuild(payload, req, 'scheduled', { notBefore: { equals: at.toISOString() } })
        if (waiting) return addReason(payload, req, waiting, reason, at)
        return queueBuild(payload, req, 'scheduled', reason, at)
      }

      const waiting = await pendingBuild(payload, req, 'debounced')
      if (waiting) {
        const deadline = Date.parse(waiting.requestedAt) + settings.maxWaitMs
        const start = options.immediate ? now : Math.min(now + settings.debounceMs, Math.max(deadline, now))
        return addReason(payload, req, waiting, reason, new Date(start))
      }
      return queueBuild(
        payload,
        req,
        'debounced',
        reason,
        new Date(options.immediate ? now : now + settings.debounceMs),
      )
    },
    outer,
  )
  // The build starts at its instant, not at the runner's next cron tick (docs/adr/0044).
  return requested.then((build) => {
    if (build.notBefore) wakeQueueAt(payload, siteQueue, new Date(build.notBefore), siteRunnerOn())
    return build
  })
}

/** The site queue's cron runs in this process (tests that count queued builds turn it off). */
const siteRunnerOn = () => process.env.SITE_BUILD_CRON !== 'off'

/** A queued build whose job the runner has not picked up yet. */
async function pendingBuild(
  payload: Payload,
  req: PayloadRequest | undefined,
  timing: SiteBuild['timing'],
  where: Record<string, unknown> = {},
): Promise<SiteBuild | undefined> {
  const found = await payload.find({
    collection: 'site-builds',
    where: { status: { equals: 'queued' }, timing: { equals: timing }, ...where },
    sort: '-requestedAt',
    limit: 5,
    depth: 0,
    req,
  })
  for (const build of found.docs) {
    if (!build.job) continue
    const job = await payload.findByID({ collection: 'payload-jobs', id: build.job, depth: 0, req }).catch(() => null)
    if (job && !job.processing && !job.completedAt && !job.hasError) return build
  }
  return undefined
}

async function addReason(
  payload: Payload,
  req: PayloadRequest | undefined,
  build: SiteBuild,
  reason: string,
  start: Date,
): Promise<SiteBuild> {
  const reasons = mergeReasons(build.reasons ?? [], reason)
  await payload.update({
    collection: 'payload-jobs',
    id: build.job!,
    data: { waitUntil: start.toISOString() },
    depth: 0,
    req,
  })
  return payload.update({
    collection: 'site-builds',
    id: build.id,
    data: { reasons, notBefore: start.toISOString(), summary: summarize(reasons) },
    depth: 0,
    req,
  })
}

async function queueBuild(
  payload: Payload,
  req: PayloadRequest | undefined,
  timing: SiteBuild['timing'],
  reason: string,
  start: Date,
): Promise<SiteBuild> {
  const settings = siteBuildSettings()
  const build = await payload.create({
    collection: 'site-builds',
    data: {
      status: 'queued',
      timing,
      target: settings.hookUrl ? 'hook' : 'local',
      reasons: [reason],
      summary: summarize([reason]),
      requestedAt: new Date().toISOString(),
      notBefore: start.toISOString(),
    },
    depth: 0,
    req,
  })
  // In the caller's transaction: a job that cannot be queued leaves no build record either.
  const job = await payload.jobs.queue({
    task: rebuildSiteTask,
    queue: siteQueue,
    input: { build: String(build.id) },
    waitUntil: start,
    req,
  })
  return payload.update({ collection: 'site-builds', id: build.id, data: { job: String(job.id) }, depth: 0, req })
}

export function mergeReasons(reasons: string[], reason: string): string[] {
  if (reasons.includes(reason)) return reasons
  if (reasons.length >= maxReasons) {
    const counted = /^… and (\d+) more$/.exec(reasons.at(-1) ?? '')
    const more = counted ? Number(counted[1]) + 1 : 2
    return [...reasons.slice(0, maxReasons - 1), `… and ${more} more`]
  }
  return [...reasons, reason]
}

/** The line shown in the admin's list: the first reason, and how many more. */
export function summarize(reasons: string[]): string {
  const [first, ...rest] = reasons
  if (!first) return 'Site build'
  return rest.length ? `${first} (+${rest.length} more)` : first
}
