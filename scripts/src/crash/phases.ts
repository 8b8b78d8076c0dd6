import type { CrashRoom } from './crashRoom.ts'
import type { RunWork } from './workload.ts'

/** The moments the issue asks the kill to land in. */
export const phases = ['fan-out', 'scheduled publication', 'dispatch', 'site build'] as const
export type Phase = (typeof phases)[number]

/** How far into a phase the kill may land (each phase lasts about this long here). */
export const phaseSpanMs: Record<Phase, number> = {
  'fan-out': 1200,
  'scheduled publication': 1200,
  dispatch: 1500,
  'site build': 6000,
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Waits until the run's work has entered `phase`: the publication e-mail is going out, the
 * scheduled instant is near, the CMS has taken up the dispatch, a site build is running. False
 * when it did not get there within `timeoutMs` (the kill then lands wherever the work is).
 */
export async function reachPhase(room: CrashRoom, work: RunWork, phase: Phase, timeoutMs = 30_000): Promise<boolean> {
  const { payload } = room
  const end = Date.now() + timeoutMs
  const reached = async (): Promise<boolean> => {
    switch (phase) {
      case 'fan-out':
        // Sending has begun: the provider took the first batch (kills now land between a batch
        // the provider took and its record, the case idempotency keys are for).
        return room.fake.accepted.some((m) => m.subject.includes(work.release.title))
      case 'scheduled publication':
        return Date.now() >= work.statement.publishAt - 300
      case 'dispatch': {
        const dispatch = await payload.findByID({ collection: 'dispatches', id: work.dispatchId, depth: 0 })
        return dispatch.status !== 'draft'
      }
      case 'site build':
        return (
          (
            await payload.count({
              collection: 'site-builds',
              where: {
                status: { equals: 'running' },
                startedAt: { greater_than_equal: new Date(work.startedAt).toISOString() },
              },
            })
          ).totalDocs > 0
        )
    }
  }
  while (Date.now() < end) {
    if (await reached()) return true
    await sleep(50)
  }
  return false
}

/** What the kill interrupted, read from the database while the CMS is down. */
export type Interrupted = {
  /** Tasks of the jobs left `processing`. */
  jobs: string[]
  /**
   * The run's publication e-mail: deliveries recorded as sent, messages the provider accepted
   * (more than recorded: killed between the provider's answer and its record), planned; null
   * before planning.
   */
  fanOut: { sent: number; atProvider: number; planned: number } | null
  dispatch: { status: string; rows: number }
  siteBuildRunning: boolean
  statementPublished: boolean
}

export async function observeInterrupted(room: CrashRoom, work: RunWork): Promise<Interrupted> {
  const { payload } = room
  const running = await payload.find({
    collection: 'payload-jobs',
    where: { processing: { equals: true } },
    pagination: false,
    depth: 0,
  })
  const send = (
    await payload.find({
      collection: 'sends',
      where: { key: { equals: `publication:press-releases:${work.release.id}:en` } },
      limit: 1,
      depth: 0,
    })
  ).docs[0]
  const deliveries = (status?: string[]) =>
    payload.count({
      collection: 'deliveries',
      where: { send: { equals: send?.id }, ...(status ? { status: { in: status } } : {}) },
    })
  const dispatch = await payload.findByID({ collection: 'dispatches', id: work.dispatchId, depth: 0 })
  const rows = await payload.count({
    collection: 'dispatch-recipients',
    where: { dispatch: { equals: work.dispatchId } },
  })
  const builds = await payload.count({ collection: 'site-builds', where: { status: { equals: 'running' } } })
  const statement = await payload.findByID({ collection: 'statements', id: work.statement.id, depth: 0, draft: false })
  return {
    jobs: running.docs.map((job) => job.taskSlug ?? 'job'),
    fanOut: send
      ? {
          sent: (await deliveries(['sent', 'delivered'])).totalDocs,
          atProvider: room.fake.accepted.filter((m) => m.subject.includes(work.release.title)).length,
          planned: (await deliveries()).totalDocs,
        }
      : null,
    dispatch: { status: dispatch.status ?? 'draft', rows: rows.totalDocs },
    siteBuildRunning: builds.totalDocs > 0,
    statementPublished: statement._status === 'published',
  }
}

export function describeInterrupted(found: Interrupted): string {
  const fanOut = found.fanOut
    ? `${found.fanOut.sent}/${found.fanOut.planned} sent (${found.fanOut.atProvider} at the provider)`
    : 'not planned'
  return [
    `jobs running: ${found.jobs.length ? found.jobs.join(', ') : 'none'}`,
    `fan-out ${fanOut}`,
    `dispatch ${found.dispatch.status} (${found.dispatch.rows} rows)`,
    `site build ${found.siteBuildRunning ? 'running' : 'idle'}`,
    `statement ${found.statementPublished ? 'published' : 'not yet published'}`,
  ].join('; ')
}
