import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os, { cpus, totalmem } from 'node:os'
import path from 'node:path'
import { dropParentIndexes, foundationSection, measureLists, timeMainCommands } from './bench/foundation.ts'
import { type MailBenchResult, mailReport, measureMail } from './bench/mail.ts'
import { measurePublishLatency } from './bench/publishLatency.ts'
import { seedBenchContent } from './bench/seed.ts'
import { benchSite } from './bench/siteBench.ts'
import { type PublishLatency, siteSection } from './bench/siteReport.ts'
import { buildCmsIfChanged } from './lib/build.ts'
import { repoRoot } from './lib/paths.ts'
import { run } from './lib/processes.ts'

/**
 * `pnpm bench`: the speed targets, measured on this machine and written to docs/benchmarks.md.
 * Targets are checked here, never by timed assertions in tests.
 *
 * BENCH_DOCUMENTS (default 2000) sets the size; BENCH_SITE_RUNS (default 3) how many times the site
 * and the bare Astro baseline are built; BENCH_PUBLISH_SAMPLES (default 3) how many documents are
 * published through the main command to time publish → live page, followed by one embargoed press release
 * timing embargo end → live page → e-mail (0: neither measured). BENCH_ONLY=site measures the site alone and writes its
 * report to a temporary file instead of docs/benchmarks.md (for working on the benchmark itself).
 * BENCH_ONLY=mail (`pnpm bench:mail`) measures subscriptions and e-mail alone and prints the section.
 */
const documentCount = Number(process.env.BENCH_DOCUMENTS ?? 2000)
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

try {
  log('Building the CMS if its sources changed…')
  await buildCmsIfChanged(log)

  log(`Seeding ${documentCount} documents in English and Russian (published, with versions)…`)
  const { seconds: seedSeconds } = await seedBenchContent({ count: documentCount, ...admin, log })
  log(`  seeded in ${seedSeconds.toFixed(1)} s`)

  let foundation = ''
  let indexed: Awaited<ReturnType<typeof measureLists>> | undefined
  if (!onlySite) {
    log('Measuring list views with the SQLite parent index (the shipped schema)…')
    indexed = await measureLists({ label: 'indexed', port, ...admin, log })
  }

  log('Building the site from the CMS, and a bare Astro project with the same pages…')
  const site = await benchSite({ workDir: path.join(dir, 'site-bench'), port, runs: siteRuns, log })

  let mail = ''
  if (!onlySite) {
    log('Measuring subscriptions and e-mail…')
    mail = mailReport(await measureMailApart())
  }

  let publish: PublishLatency | Error | undefined
  if (publishSamples > 0) {
    log(`Publish → live page through the main command (pnpm start), ${publishSamples} documents…`)
    publish = await measurePublishLatency({
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

  if (indexed) {
    log('Measuring the same lists without the index, for comparison…')
    const dropped = await dropParentIndexes(dbFile)
    const unindexed = await measureLists({ label: `without ${dropped} indexes`, port, ...admin, log })
    const starts = await timeMainCommands({ workDir: dir, port: port + 1, adminPassword: admin.adminPassword, log })
    foundation = foundationSection({ documentCount, seedSeconds, indexed, unindexed, ...starts })
  }

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

${foundation}
${siteSection(site, documentCount, publish)}
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
process.exit(0)
