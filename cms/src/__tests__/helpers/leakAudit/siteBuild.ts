import { readlink } from 'node:fs/promises'
import path from 'node:path'
import type { Payload } from 'payload'
import type { SiteBuild } from '../../../payload-types.ts'
import { siteQueue } from '../../../siteBuild/requestSiteBuild.ts'
import { siteBuildSettings } from '../../../siteBuild/settings.ts'

/**
 * Runs the site builds that are due, one after the other, as the CMS's site runner does
 * (SITE_BUILD_CRON): each is the real `rebuildSite` job, which calls the build hook when
 * SITE_BUILD_HOOK_URL is set, and otherwise runs the real Astro build of site/ against the CMS
 * and switches the live link. Returns the builds that finished.
 */
export async function runDueSiteBuilds(payload: Payload): Promise<SiteBuild[]> {
  const since = new Date().toISOString()
  for (let round = 0; round < 10; round++) {
    const result = await payload.jobs.run({ queue: siteQueue, limit: 1, silent: true })
    if (result.noJobsRemaining || Object.keys(result.jobStatus ?? {}).length === 0) break
  }
  const finished = await payload.find({
    collection: 'site-builds',
    where: { finishedAt: { greater_than_equal: since } },
    sort: 'finishedAt',
    depth: 0,
    pagination: false,
  })
  return finished.docs
}

/** The directory of the release the live link points at (SITE_LIVE_DIR). */
export async function liveSiteDir(): Promise<string> {
  const { liveLink } = siteBuildSettings()
  return path.resolve(path.dirname(liveLink), await readlink(liveLink))
}

/** Throws with the build's own log when a build failed: the audit of a site that was not built proves nothing. */
export function assertBuilt(builds: SiteBuild[], what: string): SiteBuild {
  const local = builds.filter((b) => b.release)
  const failed = builds.find((b) => b.status === 'failed')
  if (failed) throw new Error(`The site build (${what}) failed: ${failed.error}\n${failed.logTail}`)
  const last = local.at(-1)
  if (!last)
    throw new Error(`No site was built (${what}); builds that ran: ${JSON.stringify(builds.map((b) => b.summary))}`)
  return last
}
