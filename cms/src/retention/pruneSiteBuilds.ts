import type { Payload } from 'payload'
import { lastFinishedBuild } from '../siteBuild/lastFinishedBuild.ts'

/**
 * Deletes finished site-build records (with their log) requested before the cutoff. Never a
 * queued or running one, never one of the newest `keep`, and never the newest succeeded or the
 * newest failed build: staff and the health check read those (what is live, why it failed).
 */
export async function pruneSiteBuilds(payload: Payload, before: Date, keep: number): Promise<number> {
  const newest = await payload.find({
    collection: 'site-builds',
    sort: '-requestedAt',
    limit: keep,
    depth: 0,
    select: { status: true },
    pagination: false,
  })
  const latest = async (status: 'succeeded' | 'failed') =>
    (await lastFinishedBuild(payload, { status: { equals: status } }))?.id
  const kept = [...newest.docs.map((d) => d.id), await latest('succeeded'), await latest('failed')].filter(
    (id) => id !== undefined,
  )
  let removed = 0
  for (;;) {
    // A page of ids at a time: a bulk delete loads every matching document at once.
    const { docs } = await payload.find({
      collection: 'site-builds',
      where: {
        and: [
          { status: { in: ['succeeded', 'failed'] } },
          { requestedAt: { less_than: before.toISOString() } },
          ...(kept.length > 0 ? [{ id: { not_in: kept } }] : []),
        ],
      },
      sort: 'requestedAt',
      limit: 100,
      depth: 0,
      select: { status: true },
    })
    if (docs.length === 0) return removed
    const deleted = await payload.delete({
      collection: 'site-builds',
      where: { id: { in: docs.map((d) => d.id) } },
      depth: 0,
      select: { status: true },
      overrideAccess: true,
    })
    removed += deleted.docs.length
    if (deleted.docs.length === 0) return removed
  }
}
