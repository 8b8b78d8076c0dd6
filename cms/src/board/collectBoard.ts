import type { CollectionSlug, DataFromCollectionSlug, Payload, TypedUser, Where } from 'payload'
import { Forbidden } from 'payload'
import { roleOf } from '../access/roles.ts'
import { collectHealth, type JobFact } from '../health/collectHealth.ts'
import { readFailure, type SiteBuildFailure } from '../siteBuild/failure.ts'
import { type Progress, progressOf } from './progress.ts'
import { existingStatuses } from './statusOptions.ts'

/**
 * The board (issue 15, item 5): what goes out soon, what is going out, what failed and what is
 * stuck, for the staff member asking. Everything is read through the Local API with their own
 * access (`overrideAccess: false`): a part their role may not read is `null`, never guessed at.
 * Stuck jobs come from the health check (docs/adr/0031), which staff see on System status anyway.
 */

export type DocRef = { collection: string; id: number | string; title: string | null }

export type Upcoming =
  | {
      what: 'publish' | 'unpublish'
      at: string
      jobId: number | string
      doc: DocRef | null
      global: string | null
      locale: string | null
    }
  | { what: 'embargoEnds'; at: string; doc: DocRef; draft: boolean }

export type InProgress = {
  collection: 'sends' | 'dispatches'
  id: number | string
  label: string
  status: string
  paused: boolean
  since: string
  counts: Progress
}

export type Failure =
  | {
      what: 'siteBuild'
      id: number | string
      at: string
      error: string | null
      /** The code and values the admin words (siteBuild/failure.ts); null on records from before codes. */
      failure: SiteBuildFailure | null
      fixed: boolean
    }
  | { what: 'heldBatch' | 'failedBatch'; id: number | string; at: string; error: string | null }
  | { what: 'failedEmail'; id: number | string; at: string; error: string | null; email: string }
  | { what: 'failedJob'; id: number | string; at: string; error: string | null; task: string | null }

export type Board = {
  checkedAt: string
  /** Scheduled publishing and unpublishing (null: jobs unreadable) merged with embargo ends, soonest first. */
  upcoming: Upcoming[]
  scheduledReadable: boolean
  /** Publication e-mails and notice dispatches not finished, newest first; null where unreadable. */
  sends: InProgress[] | null
  dispatches: InProgress[] | null
  /** Recent failures, newest first, and held batches whatever their age (they wait for staff). */
  failures: Failure[]
  stuckJobs: { expiredLeases: JobFact[]; overdue: JobFact[] }
  healthy: boolean
}

export type BoardOptions = {
  now?: Date
  /** The content language to show titles in (the admin's language, when it is one). */
  locale?: string
  /** How far back a failure counts as recent. */
  recentDays?: number
  limit?: number
}

/** Send statuses after which nothing more goes out; anything else (including statuses added later) is in progress. */
export const finishedSendStatuses = ['done', 'cancelled']
export const finishedDispatchStatuses = ['draft', 'completed']

type Reader = { payload: Payload; user: TypedUser; locale?: string; limit: number }

/** A read the user's role does not allow is `null`; anything else that goes wrong is a real error. */
async function readable<T>(work: () => Promise<T>): Promise<T | null> {
  try {
    return await work()
  } catch (error) {
    if (error instanceof Forbidden) return null
    throw error
  }
}

const text = (value: unknown): string | null => (value == null || value === '' ? null : String(value))
const short = (value: string | null) => (value && value.length > 300 ? `${value.slice(0, 300)}…` : value)

/** One page of documents, newest or soonest first, as this user may read them. */
async function find<S extends CollectionSlug>(
  r: Reader,
  collection: S,
  where: Where,
  sort: string,
  extra: { draft?: boolean } = {},
): Promise<DataFromCollectionSlug<S>[]> {
  // The options are spelled out for any collection; Payload's overloads cannot follow a generic slug.
  const options = {
    collection,
    where,
    sort,
    limit: r.limit,
    depth: 0,
    overrideAccess: false,
    user: r.user,
    locale: r.locale,
    pagination: false,
    ...extra,
  }
  const result = await r.payload.find(options as never)
  return result.docs as DataFromCollectionSlug<S>[]
}

/** Titles of the scheduled documents, as this user may read them (latest draft included). */
async function titles(r: Reader, refs: { relationTo: string; value: number | string }[]) {
  const found = new Map<string, string | null>()
  const bySlug = new Map<string, (number | string)[]>()
  for (const ref of refs) bySlug.set(ref.relationTo, [...(bySlug.get(ref.relationTo) ?? []), ref.value])
  for (const [slug, ids] of bySlug) {
    const config = r.payload.collections[slug as CollectionSlug]?.config
    if (!config) continue
    const titleField = config.admin?.useAsTitle ?? 'id'
    const docs = await readable(() => find(r, slug as CollectionSlug, { id: { in: ids } }, 'id', { draft: true }))
    for (const doc of docs ?? []) {
      found.set(`${slug}:${doc.id}`, text((doc as unknown as Record<string, unknown>)[titleField]))
    }
  }
  return found
}

type ScheduleInput = {
  type?: 'publish' | 'unpublish'
  doc?: { relationTo: string; value: number | string }
  global?: string
  locale?: string
}

async function scheduled(r: Reader): Promise<Upcoming[] | null> {
  const jobs = await readable(() =>
    find(
      r,
      'payload-jobs',
      {
        taskSlug: { equals: 'schedulePublish' },
        completedAt: { exists: false },
        or: [{ hasError: { equals: false } }, { hasError: { exists: false } }],
      },
      'waitUntil',
    ),
  )
  if (!jobs) return null
  const inputs = jobs.map((job) => ({ job, input: (job.input ?? {}) as ScheduleInput }))
  const names = await titles(
    r,
    inputs.flatMap(({ input }) => (input.doc ? [input.doc] : [])),
  )
  return inputs.map(({ job, input }) => ({
    what: input.type === 'unpublish' ? 'unpublish' : 'publish',
    at: job.waitUntil ?? job.createdAt,
    jobId: job.id,
    doc: input.doc
      ? {
          collection: input.doc.relationTo,
          id: input.doc.value,
          title: names.get(`${input.doc.relationTo}:${input.doc.value}`) ?? null,
        }
      : null,
    global: input.global ?? null,
    locale: input.locale ?? null,
  }))
}

async function embargoEnds(r: Reader, now: Date): Promise<Upcoming[]> {
  const releases = await readable(() =>
    find(r, 'press-releases', { embargoUntil: { greater_than: now.toISOString() } }, 'embargoUntil'),
  )
  return (releases ?? []).map((doc) => ({
    what: 'embargoEnds',
    at: doc.embargoUntil as string,
    doc: { collection: 'press-releases', id: doc.id, title: text(doc.title) },
    draft: doc._status !== 'published',
  }))
}

async function sendsInProgress(r: Reader): Promise<InProgress[] | null> {
  const sends = await readable(() =>
    find(r, 'sends', { status: { not_in: existingStatuses(r.payload, 'sends', finishedSendStatuses) } }, '-createdAt'),
  )
  if (!sends) return null
  return Promise.all(
    sends.map(async (send) => ({
      collection: 'sends' as const,
      id: send.id,
      label: send.label,
      status: send.status,
      paused: Boolean(send.paused),
      since: send.createdAt,
      counts: await progressOf(r, 'deliveries', send.id),
    })),
  )
}

async function dispatchesInProgress(r: Reader): Promise<InProgress[] | null> {
  const dispatches = await readable(() =>
    find(
      r,
      'dispatches',
      { status: { not_in: existingStatuses(r.payload, 'dispatches', finishedDispatchStatuses) } },
      '-createdAt',
    ),
  )
  if (!dispatches) return null
  return Promise.all(
    dispatches.map(async (dispatch) => ({
      collection: 'dispatches' as const,
      id: dispatch.id,
      label: dispatch.label ?? `#${dispatch.id}`,
      status: dispatch.status,
      paused: false,
      since: dispatch.plannedAt ?? dispatch.createdAt,
      counts: await progressOf(r, 'dispatch-recipients', dispatch.id),
    })),
  )
}

/** A job's error as a line: Payload stores an object (message, stack) or whatever the task threw. */
function jobError(error: unknown): string | null {
  if (error && typeof error === 'object' && 'message' in error) return text((error as { message: unknown }).message)
  return error == null ? null : typeof error === 'string' ? error : JSON.stringify(error)
}

async function failures(r: Reader, since: string): Promise<Failure[]> {
  const recent = { greater_than: since }
  const [builds, lastGood, batches, emails, jobs] = await Promise.all([
    readable(() => find(r, 'site-builds', { status: { equals: 'failed' }, finishedAt: recent }, '-finishedAt')),
    readable(() => find(r, 'site-builds', { status: { equals: 'succeeded' } }, '-finishedAt', {})),
    readable(() =>
      find(
        r,
        'mail-batches',
        { or: [{ status: { equals: 'held' } }, { status: { equals: 'failed' }, updatedAt: recent }] },
        '-updatedAt',
      ),
    ),
    readable(() => find(r, 'deliveries', { status: { equals: 'failed' }, updatedAt: recent }, '-updatedAt')),
    readable(() => find(r, 'payload-jobs', { hasError: { equals: true }, updatedAt: recent }, '-updatedAt')),
  ])
  const liveSince = lastGood?.[0]?.finishedAt ?? ''
  const list: Failure[] = [
    ...(builds ?? []).map((b) => ({
      what: 'siteBuild' as const,
      id: b.id,
      at: b.finishedAt ?? b.updatedAt,
      error: short(text(b.error)),
      failure: readFailure(b.failure),
      fixed: liveSince > (b.finishedAt ?? ''),
    })),
    ...(batches ?? []).map((b) => ({
      what: b.status === 'held' ? ('heldBatch' as const) : ('failedBatch' as const),
      id: b.id,
      at: b.firstAttemptAt ?? b.updatedAt,
      error: short(text(b.error)),
    })),
    ...(emails ?? []).map((d) => ({
      what: 'failedEmail' as const,
      id: d.id,
      at: d.updatedAt,
      error: short(text(d.error)),
      email: d.email,
    })),
    ...(jobs ?? []).map((j) => ({
      what: 'failedJob' as const,
      id: j.id,
      at: j.updatedAt,
      error: short(jobError(j.error)),
      task: text(j.taskSlug),
    })),
  ]
  return list.sort((a, b) => b.at.localeCompare(a.at))
}

/** The board for a staff member; null for anyone else (the view sends them to sign in). */
export async function collectBoard(
  payload: Payload,
  user: TypedUser | null | undefined,
  options: BoardOptions = {},
): Promise<Board | null> {
  if (!user || roleOf(user) === null) return null
  const now = options.now ?? new Date()
  const since = new Date(now.getTime() - (options.recentDays ?? 7) * 86_400_000).toISOString()
  const r: Reader = { payload, user, locale: options.locale, limit: options.limit ?? 25 }
  const [schedule, embargoes, sends, dispatches, failed, health] = await Promise.all([
    scheduled(r),
    embargoEnds(r, now),
    sendsInProgress(r),
    dispatchesInProgress(r),
    failures(r, since),
    collectHealth(payload),
  ])
  return {
    checkedAt: now.toISOString(),
    upcoming: [...(schedule ?? []), ...embargoes].sort((a, b) => a.at.localeCompare(b.at)),
    scheduledReadable: schedule !== null,
    sends,
    dispatches,
    failures: failed,
    stuckJobs: health.details.stuckJobs,
    healthy: health.status === 'ok',
  }
}
