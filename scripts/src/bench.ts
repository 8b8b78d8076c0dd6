import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os, { cpus, totalmem } from 'node:os'
import path from 'node:path'
import type { Snapshot } from './bench/bareAstro.ts'
import {
  dropParentIndexes,
  foundationSection,
  measureLists,
  timeMainCommands,
  worstListP95,
} from './bench/foundation.ts'
import { measureFullBuilds } from './bench/growthBuilds.ts'
import { growthSection, type SizeFigures } from './bench/growthReport.ts'
import { benchHugo } from './bench/hugoBench.ts'
import { type MailBenchResult, mailReport, measureMail } from './bench/mail.ts'
import { measurePublishLatency } from './bench/publishLatency.ts'
import { seedApart } from './bench/seedApart.ts'
import { type BuildMeasure, benchSite, type SiteBenchResult } from './bench/siteBench.ts'
import { type PublishLatency, siteSection } from './bench/siteReport.ts'
import { benchSizes, detailSize } from './bench/sizes.ts'
import { buildCmsIfChanged } from './lib/build.ts'
import { repoRoot } from './lib/paths.ts'
import { run } from './lib/processes.ts'

/**
 * `pnpm bench`: the speed targets, measured on this machine and written to docs/benchmarks.md.
 * Targets are checked here, never by timed assertions in tests.
 *
 * BENCH_SIZES (default 500,2000; sizes.ts) lists the archive sizes: one database grows from one to the
 * next, and each gets the growth figures (growthReport.ts), Hugo included; the detailed tables are
 * at 2,000 (or the largest size below it). BENCH_DOCUMENTS=<n> alone measures one size.
 * BENCH_SITE_RUNS (default 3) how many times the site and the bare Astro baseline are built at that size; BENCH_PUBLISH_SAMPLES (default 3) how many documents are
 * published through the main command to time publish → live page, followed by one embargoed press release
 * timing embargo end → live page → e-mail (0: neither measured). BENCH_ONLY=site measures the site alone and writes its
 * report to a temporary file instead of docs/benchmarks.md (for working on the benchmark itself).
 * BENCH_ONLY=mail (`pnpm bench:mail`) measures subscriptions and e-mail alone and prints the section.
 */
const sizes = benchSizes()
const detail = detailSize(sizes)
const siteRuns = Number(process.env.BENCH_SITE_RUNS ?? 3)
const onlySite = process.env.BENCH_ONLY === 'site'
const publishSamples = Number(process.env.BENCH_PUBLISH_SAMPLES ?? 3)
const dir = mkdtempSync(path.join(os.tmpdir(), 'pressroom-bench-'))
const dbFile = path.join(dir, 'bench.db')
const port = Number(process.env.BENCH_PORT ?? 3917)
const admin = { adminEmail: 'bench-admin@pressroom.localhost', adminPassword: 'bench-admin-password' }

Object.assign(process.env, {
  DATABASE_URL: `file:${dbFile}`,
  UPLOAD_DIR: path.join(dir, 'uploads'),
  PAYLOAD_SECRET: 'bench-secret-that-is-long-enough-0123456789',
  JOBS_AUTORUN_CRON: 'off',
  // This benchmark measures the CMS alone; the site build has its own figures.
  SITE_BUILD: 'off',
  NEXT_TELEMETRY_DISABLED: '1',
})

const log = (message: string) => console.log(`[bench] ${message}`)

if (process.env.BENCH_ONLY === 'mail') {
  await buildCmsIfChanged(log)
  const result = await measureMail(port + 2)
  // Inside the full benchmark: hand the figures to the parent process.
  if (process.env.BENCH_MAIL_OUT) writeFileSync(process.env.BENCH_MAIL_OUT, JSON.stringify(result))
  else console.log(`\n${mailReport(result)}`)
  rmSync(dir, { recursive: true, force: true })
  process.exit(0)
}

/**
 * The mail figures come from a process of their own: Payload keeps one instance per process, and
 * the fan-out needs one on its own database, not on the benchmark's.
 */
async function measureMailApart(): Promise<MailBenchResult> {
  const out = path.join(dir, 'mail.json')
  await run(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'scripts/src/bench.ts')], {
    cwd: path.join(repoRoot, 'scripts'),
    env: { ...process.env, BENCH_ONLY: 'mail', BENCH_MAIL_OUT: out, DATABASE_URL: '', UPLOAD_DIR: '' },
  })
  return JSON.parse(readFileSync(out, 'utf8')) as MailBenchResult
}

/** Publish → live page and embargo end → live page through the main command, on a copy of the database. */
async function measurePublish(): Promise<PublishLatency | Error | undefined> {
  if (publishSamples <= 0) return undefined
  log(`  publish → live page through the main command (pnpm start), ${publishSamples} documents…`)
  return measurePublishLatency({
    databaseFile: dbFile,
    uploadDir: process.env.UPLOAD_DIR as string,
    port: port + 2,
    sitePort: Number(process.env.BENCH_SITE_PORT ?? 4391),
    samples: publishSamples,
    ...admin,
    log,
  }).catch((error: Error) => {
    log(`  failed: ${error.message}`)
    return error
  })
}

const benchStarted = performance.now()
let growth = ''
let foundation = ''
let siteText = ''
let mail = ''
try {
  log('Building the CMS if its sources changed…')
  await buildCmsIfChanged(log)

  const figures: SizeFigures[] = []
  let seeded = 0
  let seedTotal = 0
  for (const size of sizes) {
    const detailed = size === detail
    log(`Size ${size}: seeding documents ${seeded} … ${size - 1} in English and Russian (published, with versions)…`)
    const step = await seedApart({ from: seeded, count: size, outFile: path.join(dir, `seed-${size}.json`), ...admin })
    const seedStep = { from: seeded, seconds: step.seconds }
    seedTotal += step.seconds
    seeded = size
    log(`  seeded in ${step.seconds.toFixed(1)} s (from scratch: ${seedTotal.toFixed(1)} s)`)

    log('  list views with the SQLite parent index (the shipped schema)…')
    const indexed = await measureLists({ label: `indexed, ${size} documents`, port, ...admin, log })

    const sizeDir = path.join(dir, `size-${size}`)
    let full: { cold: BuildMeasure; warm: BuildMeasure[]; snapshot: Snapshot }
    let site: SiteBenchResult | undefined
    if (detailed) {
      log('  the site from the CMS, and a bare Astro project with the same pages (detailed tables)…')
      site = await benchSite({ workDir: path.join(sizeDir, 'site-bench'), port, runs: siteRuns, log })
      full = { cold: site.full.cold, warm: site.full.warm, snapshot: site.snapshot }
    } else {
      full = await measureFullBuilds({ workDir: path.join(sizeDir, 'full'), port, warmRuns: 2, log })
    }
    log('  Hugo, the same pages from the same snapshot…')
    const hugo = await benchHugo({ workDir: path.join(sizeDir, 'hugo'), snapshot: full.snapshot, log }).catch(
      (error: Error) => ({ missing: `hugo failed: ${error.message.split('\n')[0]}` }),
    )
    const publish = await measurePublish()

    if (detailed && site) siteText = siteSection(site, size, publish)
    if (detailed && !onlySite) {
      log('  subscriptions and e-mail…')
      mail = mailReport(await measureMailApart())
      log('  the same lists without the parent index (on a copy of the database), for comparison…')
      const copy = path.join(dir, 'unindexed.db')
      copyFileSync(dbFile, copy)
      const dropped = await dropParentIndexes(copy)
      const unindexed = await measureLists({
        label: `without ${dropped} indexes`,
        port,
        databaseUrl: `file:${copy}`,
        ...admin,
        log,
      })
      rmSync(copy, { force: true })
      const starts = await timeMainCommands({ workDir: dir, port: port + 1, adminPassword: admin.adminPassword, log })
      foundation = foundationSection({ documentCount: size, seedSeconds: seedTotal, indexed, unindexed, ...starts })
    }
    const fastestWarm = full.warm.reduce((a, b) => (b.seconds < a.seconds ? b : a))
    figures.push({
      documents: size,
      seedSeconds: seedTotal,
      seedStep,
      listP95Ms: worstListP95(indexed),
      fullCold: full.cold,
      fullWarm: fastestWarm,
      fullPeakBytes: Math.max(full.cold.peakRssBytes, ...full.warm.map((w) => w.peakRssBytes)),
      publish,
      hugo,
    })
    // The next size's builds should not share the disk with these thousands of files.
    rmSync(sizeDir, { recursive: true, force: true })
  }
  growth = growthSection(figures, { wallSeconds: (performance.now() - benchStarted) / 1000, detailSize: detail })

  const cpu = cpus()[0]?.model ?? 'unknown CPU'
  const report = `# Benchmarks

Written by \`pnpm bench\` (scripts/src/bench.ts and scripts/src/bench/). Targets are checked here, not by timed tests.

- Date: ${new Date().toISOString()}
- Machine: ${cpu}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.type()} ${os.release()}; load average
  when the report was written ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(', ')} (the machine is shared: figures vary between runs)
- Node ${process.version}; embedded SQLite database; the built CMS (its own server, \`node cms/src/server/main.ts\`)

${growth}
${foundation}
${siteText}
${mail}`
  const target = onlySite
    ? path.join(os.tmpdir(), 'pressroom-bench-site.md')
    : path.join(repoRoot, 'docs/benchmarks.md')
  mkdirSync(path.dirname(target), { recursive: true })
  writeFileSync(target, report)
  // Biome formats Markdown tables too; `pnpm test` checks it.
  if (!onlySite) await run(path.join(repoRoot, 'node_modules/.bin/biome'), ['format', '--write', target])
  log(`Written to ${path.relative(process.cwd(), target)}`)
} finally {
  rmSync(dir, { recursive: true, force: true })
}
log(`Whole run: ${((performance.now() - benchStarted) / 60000).toFixed(1)} minutes`)
process.exit(0)
