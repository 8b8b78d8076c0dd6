import type { Payload, PayloadRequest, Where } from 'payload'
import type { SiteBuild } from '../payload-types.ts'

/**
 * The site build that finished last among those `where` selects: the newest succeeded one is
 * what is live, the newest failed one says why a change is not. Read by the admin's list, the
 * health check, retention (which keeps both) and the recovery of an interrupted build.
 */
export async function lastFinishedBuild(
  payload: Payload,
  where: Where,
  req?: PayloadRequest,
): Promise<SiteBuild | undefined> {
  const { docs } = await payload.find({
    collection: 'site-builds',
    where,
    sort: '-finishedAt',
    limit: 1,
    depth: 0,
    req,
  })
  return docs[0]
}
