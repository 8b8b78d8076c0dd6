/**
 * The site targets of issue 3: a full build of every document in both languages from a cold
 * loader store and a warm rebuild, against a bare Astro build of the same URLs; the weight of a
 * document page. All in throw-away directories: the developer's own site build is not touched.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { stripVTControlCharacters } from 'node:util'
import { foundingStatementSlug } from '@pressroom/cms/seed'
import { documentPath } from '@pressroom/shared'
import { repoRoot } from '../lib/paths.ts'
import { astroBuild, otherOutputs, routeOutputs } from './astroBuild.ts'
import { readSnapshot, writeBareProject } from './bareAstro.ts'
import { startCmsServer } from './cmsServer.ts'
import { startCountingProxy } from './countingProxy.ts'
import { measurePageWeight, type PageWeight } from './pageWeight.ts'
import type { MeasuredRun } from './processTree.ts'

export const siteDir = path.join(repoRoot, 'site')
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
  /** Pages and feeds written; files only the site writes (PDF editions, ZIPs, vCards, media), by extension. */
  outputs: { site: number; bare: number; otherFiles: Record<string, number> }
  bare: BuildMeasure[]
  cold: SiteBuildMeasure
  warm: SiteBuildMeasure[]
  pageWeights: PageWeight[]
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
  rmSync(buildLogDir, { recursive: true, force: true })
  const cms = await startCmsServer(options.port)
  const proxy = await startCountingProxy(cms.url)
  try {
    /** One site build: `state` holds the Astro cache (loader store) and the file cache; `out` the pages. */
    const buildSite = async (state: string, out: string): Promise<SiteBuildMeasure> => {
      proxy.take()
      const run = await astroBuild(siteDir, path.join(workDir, state, 'astro-cache'), {
        CMS_URL: proxy.url,
        SITE_URL: 'http://localhost:4321',
        SITE_BASE: '/',
        SITE_OUT_DIR: path.join(workDir, out),
        SITE_CACHE_DIR: path.join(workDir, state, 'files'),
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

    // One cold build: with every PDF edition rendered it takes minutes, and the machine is shared.
    log('  site build, cold loader store and caches…')
    const cold = await buildSite('state', 'cold')
    log(`    ${cold.seconds.toFixed(1)} s, peak ${gib(cold.peakRssBytes)} GiB, ${cold.requests} CMS requests`)
    const siteOutputs = routeOutputs(path.join(workDir, 'cold'))
    const otherFiles = otherOutputs(path.join(workDir, 'cold'))
    const documents = await readSnapshot(cms.url)

    const bare: BuildMeasure[] = []
    let bareOutputs = 0
    for (let i = 1; i <= options.runs; i++) {
      const bareDir = path.join(workDir, `bare-${i}`)
      mkdirSync(bareDir, { recursive: true })
      writeBareProject({ dir: bareDir, siteDir, documents, siteOutputs })
      log(`  bare Astro build ${i}/${options.runs}…`)
      const bareRun = await astroBuild(bareDir, path.join(bareDir, 'node_modules/.astro'), {})
      keepLog(`bare-${i}`, bareRun)
      bare.push(measure(bareRun))
      bareOutputs = routeOutputs(path.join(bareDir, 'dist')).length
      log(`    ${bareRun.seconds.toFixed(1)} s, peak ${gib(bareRun.peakRssBytes)} GiB`)
      rmSync(bareDir, { recursive: true, force: true })
    }

    // Into a fresh output directory each time, as a rebuild that keeps the last good site online would.
    const warm: SiteBuildMeasure[] = []
    for (let i = 1; i <= options.runs; i++) {
      if (i > 1) rmSync(path.join(workDir, `warm-${i - 1}`), { recursive: true, force: true })
      log(`  site rebuild ${i}/${options.runs}, warm loader store and caches, nothing changed…`)
      const built = await buildSite('state', `warm-${i}`)
      warm.push(built)
      log(`    ${built.seconds.toFixed(1)} s, ${built.requests} CMS requests, ${built.fetched} documents fetched`)
    }

    const outDir = path.join(workDir, `warm-${options.runs}`)
    const typical = documents.filter((d) => !d.path.en?.endsWith(`/${foundingStatementSlug}`))
    const middle = typical[Math.floor(typical.length / 2)]
    const pages = [
      middle?.path.en,
      middle?.path.ru,
      documentPath('en', 'statement', foundingStatementSlug),
      documentPath('ru', 'statement', foundingStatementSlug),
    ].filter((page): page is string => !!page)
    const pageWeights = pages.map((page) => measurePageWeight(outDir, page.replace(/^\/|\/$/g, '')))
    return {
      runs: options.runs,
      outputs: { site: siteOutputs.length, bare: bareOutputs, otherFiles },
      bare,
      cold,
      warm,
      pageWeights,
    }
  } finally {
    await proxy.close()
    await cms.stop()
  }
}

export const gib = (bytes: number) => (bytes / 2 ** 30).toFixed(2)
