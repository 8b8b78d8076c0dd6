import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import os, { cpus, totalmem } from 'node:os'
import path from 'node:path'
import { mailReport, measureMail } from './lib/benchMail.ts'
import { buildCmsIfChanged } from './lib/build.ts'
import { startMainCommand } from './lib/mainCommand.ts'
import { cmsDir, repoRoot } from './lib/paths.ts'
import { waitForHttp } from './lib/processes.ts'

/**
 * `pnpm bench`: the speed targets of the foundation, measured on this machine and written to
 * docs/benchmarks.md. Targets are checked here, never by timed assertions in tests.
 */
const documentCount = Number(process.env.BENCH_DOCUMENTS ?? 2000)
const samples = 25
const dir = mkdtempSync(path.join(os.tmpdir(), 'pressroom-bench-'))
const dbFile = path.join(dir, 'bench.db')
const port = Number(process.env.BENCH_PORT ?? 3917)
const base = `http://127.0.0.1:${port}`
const adminEmail = 'bench-admin@pressroom.localhost'
const adminPassword = 'bench-admin-password'

Object.assign(process.env, {
  DATABASE_URL: `file:${dbFile}`,
  UPLOAD_DIR: path.join(dir, 'uploads'),
  PAYLOAD_SECRET: 'bench-secret-that-is-long-enough-0123456789',
  JOBS_AUTORUN_CRON: 'off',
  NEXT_TELEMETRY_DISABLED: '1',
})

const log = (message: string) => console.log(`[bench] ${message}`)

// `pnpm bench:mail` (or `bench.ts --mail-only`): only the subscription and e-mail targets, printed, not written.
if (process.argv.includes('--mail-only')) {
  await buildCmsIfChanged(log)
  console.log(`\n${mailReport(await measureMail(port + 2))}`)
  rmSync(dir, { recursive: true, force: true })
  process.exit(0)
}
type Stats = { median: number; p95: number; max: number }

function stats(values: number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!
  return { median: at(0.5), p95: at(0.95), max: sorted.at(-1)! }
}

async function timeRequests(url: string, init: RequestInit = {}): Promise<Stats & { bytes: number }> {
  let bytes = 0
  for (let i = 0; i < 3; i++) await (await fetch(url, init)).arrayBuffer()
  const times: number[] = []
  for (let i = 0; i < samples; i++) {
    const start = performance.now()
    const res = await fetch(url, init)
    const body = await res.arrayBuffer()
    times.push(performance.now() - start)
    if (res.status !== 200) throw new Error(`${url} answered ${res.status}`)
    bytes = body.byteLength
  }
  return { ...stats(times), bytes }
}

async function seedDocuments(): Promise<number> {
  const [{ getPayload }, { default: config }, { paragraphsToLexical }] = await Promise.all([
    import('payload'),
    import('@pressroom/cms/config'),
    import('@pressroom/cms/seed/lexical'),
  ])
  const payload = await getPayload({ config })
  const started = performance.now()
  const kinds = ['statements', 'notices', 'press-releases'] as const
  for (let i = 0; i < documentCount; i++) {
    const collection = kinds[i % kinds.length]!
    const date = new Date(Date.UTC(2021 + (i % 5), i % 12, 1 + (i % 28))).toISOString()
    const doc = await payload.create({
      collection,
      locale: 'en',
      data: {
        title: `Benchmark ${collection} number ${i}`,
        summary: 'A summary of the document, about as long as a real standfirst is in the press room.',
        body: paragraphsToLexical([
          'First paragraph of the body.',
          'Second paragraph, a little longer than the first.',
        ]),
        date,
        _status: 'published',
      },
    })
    await payload.update({
      collection,
      id: doc.id,
      locale: 'ru',
      data: {
        title: `Тестовый документ ${collection} номер ${i}`,
        summary: 'Краткое содержание документа примерно той же длины, что и настоящий лид.',
        body: paragraphsToLexical(['Первый абзац.', 'Второй абзац, немного длиннее первого.']),
      },
    })
    if (i % 250 === 249) log(`  ${i + 1} documents`)
  }
  await payload.create({
    collection: 'users',
    data: { email: adminEmail, password: adminPassword, role: 'admin' },
  })
  const seconds = (performance.now() - started) / 1000
  await payload.destroy()
  return seconds
}

function startServer(): ChildProcess {
  return spawn(path.join(cmsDir, 'node_modules/.bin/next'), ['start', '--port', String(port)], {
    cwd: cmsDir,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: process.env,
  })
}

async function stopServer(server: ChildProcess) {
  if (server.exitCode !== null) return
  server.kill('SIGTERM')
  await new Promise((resolve) => server.once('exit', resolve))
}

/** Time from `pnpm start` until it prints that the CMS is ready, on a fresh database. */
async function timeMainCommand(label: string): Promise<number> {
  const startDir = mkdtempSync(path.join(os.tmpdir(), 'pressroom-bench-start-'))
  try {
    const cms = await startMainCommand({
      DATABASE_URL: `file:${path.join(startDir, 'cms.db')}`,
      UPLOAD_DIR: path.join(startDir, 'uploads'),
      PORT: String(port + 1),
      ADMIN_PASSWORD: adminPassword,
    })
    await cms.stop()
    const seconds = cms.readyAfterMs / 1000
    log(`  main command (${label}): ready in ${seconds.toFixed(1)} s`)
    return seconds
  } finally {
    rmSync(startDir, { recursive: true, force: true })
  }
}

async function measureLists(label: string) {
  const server = startServer()
  try {
    await waitForHttp(`${base}/admin/login`, 120_000, server)
    const login = await fetch(`${base}/api/users/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: adminEmail, password: adminPassword }),
    })
    const { token } = (await login.json()) as { token: string }
    const cookie = { headers: { Cookie: `payload-token=${token}` } }
    const results = {
      restEn: await timeRequests(`${base}/api/statements?limit=10&page=20&locale=en&depth=1`),
      restRu: await timeRequests(`${base}/api/press-releases?limit=10&page=5&locale=ru&depth=1&sort=-date`),
      restAll: await timeRequests(`${base}/api/statements?limit=1000&locale=all&depth=0`),
      adminList: await timeRequests(`${base}/admin/collections/statements?limit=10`, cookie),
      adminListRu: await timeRequests(`${base}/admin/collections/notices?limit=50&locale=ru`, cookie),
    }
    log(
      `  ${label}: ${JSON.stringify(Object.fromEntries(Object.entries(results).map(([k, v]) => [k, Math.round(v.median)])))}`,
    )
    return results
  } finally {
    await stopServer(server)
  }
}

async function dropParentIndexes(): Promise<number> {
  const { createClient } = await import('@libsql/client')
  const client = createClient({ url: `file:${dbFile}` })
  const { rows } = await client.execute(
    "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE '%_locales_parent_id_idx'",
  )
  for (const row of rows) await client.execute(`DROP INDEX "${String(row.name)}"`)
  client.close()
  return rows.length
}

const ms = (value: number) => `${Math.round(value)} ms`
const verdict = (ok: boolean) => (ok ? 'met' : '**missed**')

try {
  log('Building the CMS if its sources changed…')
  await buildCmsIfChanged(log)

  log(`Seeding ${documentCount} documents in English and Russian (published, with versions)…`)
  const seedSeconds = await seedDocuments()
  log(`  seeded in ${seedSeconds.toFixed(1)} s`)

  log('Measuring list views with the SQLite parent index (the shipped schema)…')
  const indexed = await measureLists('indexed')
  log('Measuring the same without the index, for comparison…')
  const dropped = await dropParentIndexes()
  const unindexed = await measureLists(`without ${dropped} indexes`)

  log('Timing the main command on a fresh database (build up to date)…')
  const warmStart = await timeMainCommand('build up to date')
  log('Timing the main command from an installed clone (no build yet)…')
  const nextDir = path.join(cmsDir, '.next')
  const aside = path.join(dir, 'next-aside')
  if (existsSync(nextDir)) renameSync(nextDir, aside)
  let coldStart: number
  try {
    coldStart = await timeMainCommand('no build yet')
  } finally {
    if (existsSync(aside)) rmSync(aside, { recursive: true, force: true })
  }

  log('Measuring subscriptions and e-mail…')
  const mail = await measureMail(port + 2)

  const limit = 1000
  // The target is about list pages; the one-page export of every statement is shown for the index.
  const worstList = Math.max(indexed.restEn.p95, indexed.restRu.p95, indexed.adminList.p95, indexed.adminListRu.p95)
  const row = (name: string, a: Stats, b: Stats) =>
    `| ${name} | ${ms(a.median)} | ${ms(a.p95)} | ${ms(b.median)} | ${ms(b.p95)} |`
  const cpu = cpus()[0]?.model ?? 'unknown CPU'
  const report = `# Benchmarks

Written by \`pnpm bench\` (scripts/src/bench.ts). Targets are checked here, not by timed tests.

- Date: ${new Date().toISOString()}
- Machine: ${cpu}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.type()} ${os.release()}
- Node ${process.version}; embedded SQLite database; the built CMS (\`next start\`)

## Foundation (issue 2)

Data: ${documentCount} publications (statements, notices, press releases in turn), each published in English and then
translated to Russian, so every one has both locales and versions. Seeding through the Local API took
${seedSeconds.toFixed(1)} s. Each figure is over ${samples} sequential requests after 3 warm-up requests.

| Request | median | p95 | median without parent index | p95 without parent index |
| --- | --- | --- | --- | --- |
${row('Anonymous REST list, English, page 20 of statements, depth 1', indexed.restEn, unindexed.restEn)}
${row('Anonymous REST list, Russian, press releases sorted by date, depth 1', indexed.restRu, unindexed.restRu)}
${row(`Anonymous REST, every statement in one page (${Math.ceil(documentCount / 3)}), both languages`, indexed.restAll, unindexed.restAll)}
${row('Admin list view (server-rendered HTML), statements, 10 a page', indexed.adminList, unindexed.adminList)}
${row('Admin list view, notices, Russian, 50 a page', indexed.adminListRu, unindexed.adminListRu)}

| Target | Measured | Verdict |
| --- | --- | --- |
| Admin list view and anonymous REST list page under 1 s with ${documentCount} localized documents | worst p95 ${ms(worstList)} | ${verdict(worstList < limit)} |
| Main command ready from an installed clone (includes \`next build\`) under 2 minutes | ${coldStart.toFixed(1)} s | ${verdict(coldStart < 120)} |
| Main command ready when the build is up to date | ${warmStart.toFixed(1)} s | (no target) |

The "without parent index" columns drop the \`*_locales_parent_id_idx\` indexes that the SQLite adapter adds
(docs/adr/0003-database-sqlite-default-postgres-migrations.md), to show what they change at this size.

${mailReport(mail)}`
  mkdirSync(path.join(repoRoot, 'docs'), { recursive: true })
  writeFileSync(path.join(repoRoot, 'docs/benchmarks.md'), report)
  log(`Written to docs/benchmarks.md`)
} finally {
  rmSync(dir, { recursive: true, force: true })
}
process.exit(0)
