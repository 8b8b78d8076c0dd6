import path from 'node:path'
import type { Payload, PayloadRequest } from 'payload'
import { outboxDir } from '../mail/config.ts'
import { pruneReleases } from '../siteBuild/builder.ts'
import { oneAtATime } from '../siteBuild/requestSiteBuild.ts'
import { siteBuildSettings } from '../siteBuild/settings.ts'
import { pruneMailPayloads, pruneOutbox, pruneWebhookEvents } from './pruneMailRecords.ts'
import { pruneSiteBuilds } from './pruneSiteBuilds.ts'
import { pruneSiteCache, type SiteCacheReport } from './pruneSiteCache.ts'
import { olderThan, type RetentionSettings, retentionSettings } from './settings.ts'

export type RetentionReport = {
  siteBuilds: number
  mailPayloads: number
  webhookEvents: number
  outboxFiles: number
  /** Null when a site build was running: the site's files were left for the next run. */
  releases: string[] | null
  siteCache: SiteCacheReport | null
}

/** Where the site build keeps its cache, resolved as the site resolves it (site/src/config.ts). */
export const siteCacheDir = (siteDir = siteBuildSettings().siteDir) =>
  path.resolve(siteDir, process.env.SITE_CACHE_DIR || 'node_modules/.cache/pressroom-files')

async function buildRunning(payload: Payload, req?: PayloadRequest): Promise<boolean> {
  const { totalDocs } = await payload.count({
    collection: 'site-builds',
    where: { status: { equals: 'running' } },
    req,
  })
  return totalDocs > 0
}

/**
 * Releases and the build cache are pruned only while no build runs: a build reads cached files
 * and writes a release. Checked and done inside the turn-taking that starts builds
 * (`oneAtATime`), so no build of this process can start in between (docs/adr/0031).
 */
function pruneSiteFiles(payload: Payload, settings: RetentionSettings) {
  // On SQLite the turn is a transaction: the check reads through it (docs/adr/0029).
  return oneAtATime(payload, async (req) => {
    if (await buildRunning(payload, req)) return null
    const site = siteBuildSettings()
    const releases = await pruneReleases(site.releasesDir, site.liveLink, site.releasesKeep)
    const siteCache = await pruneSiteCache(
      siteCacheDir(site.siteDir),
      site.liveLink,
      olderThan(settings.editionCacheDays),
      settings.editionCacheBytes,
    )
    return { releases, siteCache }
  })
}

/**
 * Prunes everything that retention covers, by age (and the edition cache by size too), never what
 * is still needed: a message not yet sent, the live release, the newest builds. Safe to run twice,
 * or in two processes at once: each step deletes what is old, and what is gone stays gone.
 */
export async function runRetention(payload: Payload, settings = retentionSettings()): Promise<RetentionReport> {
  const siteBuilds = await pruneSiteBuilds(payload, olderThan(settings.siteBuildDays), settings.siteBuildsKeep)
  const mailPayloads = await pruneMailPayloads(payload, olderThan(settings.mailPayloadDays))
  const webhookEvents = await pruneWebhookEvents(payload, olderThan(settings.webhookEventDays))
  const outboxFiles = await pruneOutbox(outboxDir(), olderThan(settings.outboxDays))
  const files = await pruneSiteFiles(payload, settings)
  return {
    siteBuilds,
    mailPayloads,
    webhookEvents,
    outboxFiles,
    releases: files?.releases ?? null,
    siteCache: files?.siteCache ?? null,
  }
}
