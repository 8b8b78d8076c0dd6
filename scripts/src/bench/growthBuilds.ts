/**
 * The full site build (with editions) at a size of the growth benchmark other than the reference
 * one: once cold, then `warmRuns` rebuilds with nothing changed, and the snapshot Hugo builds
 * from. The reference size takes these figures from the detailed site benchmark (siteBench.ts).
 */
import path from 'node:path'
import { astroBuild } from './astroBuild.ts'
import { readSnapshot, type Snapshot } from './bareAstro.ts'
import { startCmsServer } from './cmsServer.ts'
import { type BuildMeasure, siteDir } from './siteBench.ts'

export type FullBuilds = { cold: BuildMeasure; warm: BuildMeasure[]; snapshot: Snapshot }

export async function measureFullBuilds(options: {
  workDir: string
  port: number
  warmRuns: number
  log: (message: string) => void
}): Promise<FullBuilds> {
  const { workDir, log } = options
  const cms = await startCmsServer(options.port)
  try {
    const build = async (out: string): Promise<BuildMeasure> => {
      const run = await astroBuild(siteDir, path.join(workDir, 'astro-cache'), {
        CMS_URL: cms.url,
        SITE_URL: 'http://localhost:4321',
        SITE_BASE: '/',
        SITE_OUT_DIR: path.join(workDir, out),
        SITE_CACHE_DIR: path.join(workDir, 'files'),
      })
      log(`    ${run.seconds.toFixed(1)} s, peak ${(run.peakRssBytes / 2 ** 30).toFixed(2)} GiB`)
      return { seconds: run.seconds, peakRssBytes: run.peakRssBytes }
    }
    log('  site build with editions, cold…')
    const cold = await build('full-cold')
    const warm: BuildMeasure[] = []
    for (let i = 1; i <= options.warmRuns; i++) {
      log(`  site rebuild with editions, warm ${i}/${options.warmRuns}, nothing changed…`)
      warm.push(await build(`full-warm-${i}`))
    }
    return { cold, warm, snapshot: await readSnapshot(cms.url) }
  } finally {
    await cms.stop()
  }
}
