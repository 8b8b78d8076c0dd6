import type { Payload, PayloadRequest } from 'payload'
import { inTransaction, sameTransaction } from '../db/transaction.ts'
import { transactionEnded } from '../db/transactionEnded.ts'
import { wakeQueueAt } from '../jobs/wakeQueue.ts'
import type { SiteBuild } from '../payload-types.ts'
import { buildRunningHere } from './buildsRunningHere.ts'
import { siteBuildSettings } from './settings.ts'
import { holdUntilCommitted } from './uncommittedChanges.ts'

export const rebuildSiteTask = 'rebuildSite'
export const siteQueue = 'site'

/** Reasons kept on one build record; ten thousand imports need not list ten thousand lines. */
const maxReasons = 100

type RequestOptions = {
  /** Build at this moment and not before (an embargo ends); never merged with a build due now. */
  at?: Date
}

let queue: Promise<unknown> = Promise.resolve()

/**
 * Requests and the start of a build take turns in this process, so a request never joins a build
 * that has already started (its reason would be lost: it queues the next one instead). Where turns meet transactions
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
 * Queues a rebuild of the public site through the job queue (docs/adr/0044): the first change
 * after a quiet period is due at once. A change joins the build that is queued and not started
 * yet, if there is one, never moving its start later. While a build runs in this process, the
 * queued build waits for it: it is due only when that build ends (`startWaitingBuildNow`), or
 * after the build timeout should this process fail to say so, so changes made during a build
 * gather into one next build. Returns the build record, or null when SITE_BUILD=off. Given a
 * hook's `req`, on SQLite the request commits with the change that caused it; on both databases
 * the build starts only once that change has committed, and the site queue is woken then, not at
 * its next cron tick.
 */
export function requestSiteBuild(
  payload: Payload,
  reason: string,
  options: RequestOptions = {},
  outer?: PayloadRequest,
): Promise<SiteBuild | null> {
  const settings = siteBuildSettings()
  if (!settings.enabled) return Promise.resolve(null)
  const committed = transactionEnded(payload, outer)
  const requested = oneAtATime(
    payload,
    async (req): Promise<SiteBuild> => {
      const now = new Date()
      const at = options.at && options.at > now ? options.at : undefined
      const timing = at ? 'scheduled' : 'debounced'
      const where = at ? { notBefore: { equals: at.toISOString() } } : {}
      const start = at ?? (buildRunningHere() ? new Date(now.getTime() + settings.timeoutMs) : now)
      const waiting = await pendingBuild(payload, req, timing, where)
      const build = waiting
        ? await addReason(payload, req, waiting, reason, start)
        : await queueBuild(payload, req, timing, reason, start)
      // Inside the turn, so no build start can slip in between.
      if (outer?.transactionID) holdUntilCommitted(build.id, committed)
      return build
    },
    outer,
  )
  // The build starts at its instant, not at the runner's next cron tick; on SQLite its job is
  // visible to the runner only once the change commits. A build that ended before then could not
  // bring the one this change joined forward: it is brought forward here (only then: a build due
  // already needs no turn, which on SQLite is a transaction, after every save).
  return requested.then((build) => {
    void committed.then(async () => {
      const later = Date.parse(build.notBefore ?? '') > Date.now()
      if (!options.at && later && !buildRunningHere()) {
        await startWaitingBuildNow(payload).catch((error: Error) => {
          payload.logger.warn(`Starting the waiting site build failed (its start time still holds): ${error.message}`)
        })
      }
      wakeQueueAt(payload, siteQueue, new Date(build.notBefore ?? Date.now()), siteRunnerOn())
    })
    return build
  })
}

/**
 * Called when a build here ends (and after a change commits with no build running): the queued
 * build that waited for it becomes due now, and the site queue is woken.
 */
export async function startWaitingBuildNow(payload: Payload): Promise<void> {
  await oneAtATime(payload, async (req) => {
    const waiting = await pendingBuild(payload, req, 'debounced')
    if (waiting?.notBefore && Date.parse(waiting.notBefore) > Date.now()) {
      await moveStart(payload, req, waiting, new Date())
    }
  })
  wakeQueueAt(payload, siteQueue, new Date(), siteRunnerOn())
}

/** The site queue's cron runs in this process (tests that count queued builds turn it off). */
const siteRunnerOn = () => process.env.SITE_BUILD_CRON !== 'off'

/**
 * A queued build that has not started: its record is `queued` and its job neither finished nor
 * failed. The job may be taken already and wait for the changes it carries to commit; its start
 * reads the record in a turn (`oneAtATime`), so a reason added before is built.
 */
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
    if (job && !job.completedAt && !job.hasError) return build
  }
  return undefined
}

async function addReason(
  payload: Payload,
  req: PayloadRequest | undefined,
  build: SiteBuild,
  reason: string,
  latest: Date,
): Promise<SiteBuild> {
  const reasons = mergeReasons(build.reasons ?? [], reason)
  // A change never pushes a build back: it starts at its own instant or now, whichever is earlier.
  const planned = build.notBefore ? Date.parse(build.notBefore) : latest.getTime()
  const start = new Date(Math.min(planned, latest.getTime()))
  return moveStart(payload, req, build, start, { reasons, summary: summarize(reasons) })
}

async function moveStart(
  payload: Payload,
  req: PayloadRequest | undefined,
  build: SiteBuild,
  start: Date,
  data: Partial<SiteBuild> = {},
): Promise<SiteBuild> {
  if (start.toISOString() !== build.notBefore) {
    await payload.update({
      collection: 'payload-jobs',
      id: build.job!,
      data: { waitUntil: start.toISOString() },
      depth: 0,
      req,
    })
  }
  return payload.update({
    collection: 'site-builds',
    id: build.id,
    data: { ...data, notBefore: start.toISOString() },
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
