/**
 * The site targets of issue 3: a full build of every document in both languages from a cold
 * loader store and a warm rebuild, against a bare Astro build of the same URLs; the weight of a
 * document page. All in throw-away directories: the developer's own site build is not touched.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { stripVTControlCharacters } from 'node:util'
import { foundingStatementSlug } from '@pressroom/cms/seed'
import { documentPath } from '@pressroom/shared'
import { repoRoot } from '../lib/paths.ts'
import { astroBuild, builtFiles, otherOutputs, routeOutputs } from './astroBuild.ts'
import { readSnapshot, type Snapshot, writeBareProject } from './bareAstro.ts'
import { startCmsServer } from './cmsServer.ts'
import { startCountingProxy } from './countingProxy.ts'
import { measurePageWeight, type PageWeight } from './pageWeight.ts'
import type { MeasuredRun } from './processTree.ts'

export const siteDir = path.join(repoRoot, 'site')
/** The site's `build.concurrency`, read from site/astro.config.ts, given to the baseline's extra run. */
function siteConcurrency(): number {
  const found = /\bconcurrency:\s*(\d+)/.exec(readFileSync(path.join(siteDir, 'astro.config.ts'), 'utf8'))
  if (!found) throw new Error('site/astro.config.ts sets no build.concurrency; the benchmark expects one.')
  return Number(found[1])
}
/** The output of the last benchmark's builds, kept for reading after the run. */
export const buildLogDir = path.join(os.tmpdir(), 'pressroom-bench-logs')

export type BuildMeasure = {
  seconds: number
  peakRssBytes: number
  /** Astro's own figures from its log: all pages, and the static-route rendering alone. */
  astroSeconds?: number
  renderSeconds?: number
}
export type SiteBuildMeasure = BuildMeasure & {
  /** Requests the build sent to the CMS, and from the first request to the last answer. */
  requests: number
  cmsSeconds: number
  /** Documents the loaders fetched in full, of all those published. */
  fetched: number
  published: number
  pagefindSeconds?: number
}

export type SiteBenchResult = {
  runs: number
  /** The site's `build.concurrency`, also given to the baseline's extra cold runs. */
  concurrency: number
  outputs: {
    /** Pages and feeds the site writes, and those of the baseline; URLs one has and the other lacks. */
    site: number
    bare: number
    onlySite: string[]
    onlyBare: string[]
    /** Files only the site writes (PDF editions, ZIPs, vCards, media), by extension. */
    otherFiles: Record<string, number>
  }
  /**
   * The plain Astro project: cold (fresh project and store) and warm (store kept); and cold again
   * with the site's own `build.concurrency`, for information.
   */
  bare: { cold: BuildMeasure[]; warm: BuildMeasure[]; coldConcurrent: BuildMeasure[] }
  /** The site built with SITE_EDITIONS=off: the issue 3 comparison. */
  site: { cold: SiteBuildMeasure[]; warm: SiteBuildMeasure[] }
  /** The site as it ships, with every PDF edition and press-kit ZIP. */
  full: { cold: SiteBuildMeasure; warm: SiteBuildMeasure[] }
  pageWeights: PageWeight[]
  /** What the baseline built from; Hugo builds from it too (hugoBench.ts). */
  snapshot: Snapshot
}

/** The loaders' own account of a build: `statements: 667 published, 12 fetched, the rest unchanged`. */
function loaderCounts(output: string): { published: number; fetched: number } {
  let published = 0
  let fetched = 0
  for (const match of output.matchAll(/(\d+) published, (\d+) fetched/g)) {
    published += Number(match[1])
    fetched += Number(match[2])
  }
  return { published, fetched }
}

function measure(run: MeasuredRun): BuildMeasure {
  const plain = stripVTControlCharacters(run.output)
  // Astro prints "835ms", "15.50s" or "1m 7s".
  const duration = (match: RegExpExecArray | null) => {
    if (!match) return undefined
    const [, minutes, value, unit] = match
    return Number(minutes ?? 0) * 60 + Number(value) / (unit === 'ms' ? 1000 : 1)
  }
  const time = '(?:(\\d+)m )?([\\d.]+)(ms|s)\\b'
  return {
    seconds: run.seconds,
    peakRssBytes: run.peakRssBytes,
    astroSeconds: duration(new RegExp(`page\\(s\\) built in ${time}`).exec(plain)),
    renderSeconds: duration(new RegExp(`generating static routes[\\s\\S]*?✓ Completed in ${time}`).exec(plain)),
  }
}

function keepLog(name: string, run: MeasuredRun) {
  mkdirSync(buildLogDir, { recursive: true })
  writeFileSync(path.join(buildLogDir, `${name}.log`), run.output)
}

export async function benchSite(options: {
  workDir: string
  port: number
  runs: number
  log: (message: string) => void
}): Promise<SiteBenchResult> {
  const { workDir, log } = options
  const concurrency = siteConcurrency()
  rmSync(buildLogDir, { recursive: true, force: true })
  const cms = await startCmsServer(options.port)
  const proxy = await startCountingProxy(cms.url)
  try {
    /** One site build: `state` holds the Astro cache (loader store) and the file cache; `out` the pages. */
    const buildSite = async (
      state: string,
      out: string,
      env: Record<string, string> = {},
    ): Promise<SiteBuildMeasure> => {
      proxy.take()
      const run = await astroBuild(siteDir, path.join(workDir, state, 'astro-cache'), {
        CMS_URL: proxy.url,
        SITE_URL: 'http://localhost:4321',
        SITE_BASE: '/',
        SITE_OUT_DIR: path.join(workDir, out),
        SITE_CACHE_DIR: path.join(workDir, state, 'files'),
        ...env,
      })
      const { requests, spanMs } = proxy.take()
      keepLog(out, run)
      const pagefind = /Pagefind indexed \d+ pages in (\d+) ms/.exec(run.output)
      return {
        ...measure(run),
        requests,
        cmsSeconds: spanMs / 1000,
        ...loaderCounts(run.output),
        pagefindSeconds: pagefind ? Number(pagefind[1]) / 1000 : undefined,
      }
    }
    const report = (b: BuildMeasure) => `${b.seconds.toFixed(1)} s, peak ${gib(b.peakRssBytes)} GiB`

    // One cold build with editions: it renders every PDF, and the machine is shared.
    log('  site build with editions, cold loader store and caches…')
    const fullCold = await buildSite('full', 'full-cold')
    log(`    ${report(fullCold)}, ${fullCold.requests} CMS requests`)
    const fullColdFiles = builtFiles(path.join(workDir, 'full-cold'))
    const siteOutputs = routeOutputs(fullColdFiles)
    const otherFiles = otherOutputs(fullColdFiles)
    const snapshot = await readSnapshot(cms.url)

    // The baseline and the site in turn, so both meet the same state of a shared machine. Every
    // build writes into fresh directories, and nothing is deleted until all are measured: removing
    // thousands of files here slows the disk for the build that follows.
    const withoutEditions = { SITE_EDITIONS: 'off' }
    const bare = { cold: [] as BuildMeasure[], warm: [] as BuildMeasure[], coldConcurrent: [] as BuildMeasure[] }
    const site = { cold: [] as SiteBuildMeasure[], warm: [] as SiteBuildMeasure[] }
    const bareDir = (i: number) => path.join(workDir, `bare-${i}`)
    const bareBuild = (i: number, out: string, env: Record<string, string> = {}) =>
      astroBuild(bareDir(i), path.join(bareDir(i), 'node_modules/.astro'), {
        BARE_OUT_DIR: path.join(bareDir(i), out),
        ...env,
      })
    const concurrentDir = (i: number) => path.join(workDir, `bare-concurrent-${i}`)
    for (let i = 1; i <= options.runs; i++) {
      writeBareProject({ dir: bareDir(i), siteDir, snapshot, siteOutputs })
      log(`  plain Astro baseline, cold ${i}/${options.runs}…`)
      const run = await bareBuild(i, 'dist')
      keepLog(`bare-cold-${i}`, run)
      bare.cold.push(measure(run))
      log(`    ${report(run)}`)
      log(`  site build without editions (SITE_EDITIONS=off), cold ${i}/${options.runs}…`)
      const built = await buildSite(`site-${i}`, `site-cold-${i}`, withoutEditions)
      site.cold.push(built)
      log(`    ${report(built)}`)
      writeBareProject({ dir: concurrentDir(i), siteDir, snapshot, siteOutputs })
      log(`  plain Astro baseline with the site's build.concurrency (${concurrency}), cold ${i}/${options.runs}…`)
      const concurrent = await astroBuild(concurrentDir(i), path.join(concurrentDir(i), 'node_modules/.astro'), {
        BARE_CONCURRENCY: String(concurrency),
      })
      keepLog(`bare-concurrent-cold-${i}`, concurrent)
      bare.coldConcurrent.push(measure(concurrent))
      log(`    ${report(concurrent)}`)
    }
    const bareOutputs = routeOutputs(builtFiles(path.join(bareDir(1), 'dist')))
    for (let i = 1; i <= options.runs; i++) {
      log(`  plain Astro baseline, warm ${i}/${options.runs} (content store kept)…`)
      const run = await bareBuild(1, `dist-warm-${i}`)
      keepLog(`bare-warm-${i}`, run)
      bare.warm.push(measure(run))
      log(`    ${report(run)}`)
      // Into a fresh output directory each time, as a rebuild that keeps the last good site online would.
      log(`  site rebuild without editions, warm ${i}/${options.runs}, nothing changed…`)
      const built = await buildSite('site-1', `site-warm-${i}`, withoutEditions)
      site.warm.push(built)
      log(`    ${report(built)}, ${built.fetched} documents fetched`)
    }

    const fullWarm: SiteBuildMeasure[] = []
    for (let i = 1; i <= options.runs; i++) {
      log(`  site rebuild with editions, warm ${i}/${options.runs}, nothing changed…`)
      const built = await buildSite('full', `full-warm-${i}`)
      fullWarm.push(built)
      log(`    ${report(built)}, ${built.requests} CMS requests, ${built.fetched} documents fetched`)
    }

    const outDir = path.join(workDir, `full-warm-${options.runs}`)
    const typical = snapshot.documents.filter((d) => !d.path.en?.endsWith(`/${foundingStatementSlug}`))
    const middle = typical[Math.floor(typical.length / 2)]
    const pages = [
      middle?.path.en,
      middle?.path.ru,
      documentPath('en', 'statement', foundingStatementSlug),
      documentPath('ru', 'statement', foundingStatementSlug),
    ].filter((page): page is string => !!page)
    const pageWeights = pages.map((page) => measurePageWeight(outDir, page.replace(/^\/|\/$/g, '')))
    const inBare = new Set(bareOutputs)
    const inSite = new Set(siteOutputs)
    return {
      runs: options.runs,
      concurrency,
      outputs: {
        site: siteOutputs.length,
        bare: bareOutputs.length,
        onlySite: siteOutputs.filter((f) => !inBare.has(f)),
        onlyBare: bareOutputs.filter((f) => !inSite.has(f)),
        otherFiles,
      },
      bare,
      site,
      full: { cold: fullCold, warm: fullWarm },
      pageWeights,
      snapshot,
    }
  } finally {
    await proxy.close()
    await cms.stop()
  }
}

export const gib = (bytes: number) => (bytes / 2 ** 30).toFixed(2)
