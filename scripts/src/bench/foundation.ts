/** The foundation's targets (issue 2): CMS list views and the main command's start-up. */
import { existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startMainCommand } from '../lib/mainCommand.ts'
import { cmsDir } from '../lib/paths.ts'
import { startCmsServer } from './cmsServer.ts'

export type Stats = { median: number; p95: number; max: number }
export const samples = 25

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

export type ListTimes = Awaited<ReturnType<typeof measureLists>>

export async function measureLists(options: {
  label: string
  port: number
  adminEmail: string
  adminPassword: string
  log: (message: string) => void
  /** Another database than the benchmark's (a copy without the parent indexes). */
  databaseUrl?: string
}) {
  const cms = await startCmsServer(options.port, options.databaseUrl)
  const base = cms.url
  try {
    const login = await fetch(`${base}/api/users/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: options.adminEmail, password: options.adminPassword }),
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
    options.log(
      `  ${options.label}: ${JSON.stringify(Object.fromEntries(Object.entries(results).map(([k, v]) => [k, Math.round(v.median)])))}`,
    )
    return results
  } finally {
    await cms.stop()
  }
}

/** The highest p95 of the list pages the target is about (not the one-page export of every statement). */
export const worstListP95 = (t: ListTimes) => Math.max(t.restEn.p95, t.restRu.p95, t.adminList.p95, t.adminListRu.p95)

export async function dropParentIndexes(dbFile: string): Promise<number> {
  const { createClient } = await import('@libsql/client')
  const client = createClient({ url: `file:${dbFile}` })
  const { rows } = await client.execute(
    "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE '%_locales_parent_id_idx'",
  )
  for (const row of rows) await client.execute(`DROP INDEX "${String(row.name)}"`)
  client.close()
  return rows.length
}

/** Time from `pnpm start` until it prints that the CMS is ready, on a fresh database. */
async function timeMainCommand(options: {
  label: string
  port: number
  adminPassword: string
  log: (message: string) => void
}): Promise<number> {
  const startDir = mkdtempSync(path.join(os.tmpdir(), 'pressroom-bench-start-'))
  try {
    const cms = await startMainCommand({
      DATABASE_URL: `file:${path.join(startDir, 'cms.db')}`,
      UPLOAD_DIR: path.join(startDir, 'uploads'),
      PORT: String(options.port),
      ADMIN_PASSWORD: options.adminPassword,
    })
    await cms.stop()
    const seconds = cms.readyAfterMs / 1000
    options.log(`  main command (${options.label}): ready in ${seconds.toFixed(1)} s`)
    return seconds
  } finally {
    rmSync(startDir, { recursive: true, force: true })
  }
}

/** The main command with the CMS build up to date, then from an installed clone (no `.next` yet). */
export async function timeMainCommands(options: {
  workDir: string
  port: number
  adminPassword: string
  log: (message: string) => void
}): Promise<{ warmStart: number; coldStart: number }> {
  const { log } = options
  log('Timing the main command on a fresh database (build up to date)…')
  const warmStart = await timeMainCommand({ ...options, label: 'build up to date' })
  log('Timing the main command from an installed clone (no build yet)…')
  const nextDir = path.join(cmsDir, '.next')
  const aside = path.join(options.workDir, 'next-aside')
  if (existsSync(nextDir)) renameSync(nextDir, aside)
  try {
    const coldStart = await timeMainCommand({ ...options, label: 'no build yet' })
    return { warmStart, coldStart }
  } finally {
    if (existsSync(aside)) rmSync(aside, { recursive: true, force: true })
  }
}

const ms = (value: number) => `${Math.round(value)} ms`
const verdict = (ok: boolean) => (ok ? 'met' : '**missed**')

export function foundationSection(data: {
  documentCount: number
  seedSeconds: number
  indexed: ListTimes
  unindexed: ListTimes
  warmStart: number
  coldStart: number
}): string {
  const { documentCount, indexed, unindexed, warmStart, coldStart } = data
  const limit = 1000
  // The target is about list pages; the one-page export of every statement is shown for the index.
  const worstList = worstListP95(indexed)
  const row = (name: string, a: Stats, b: Stats) =>
    `| ${name} | ${ms(a.median)} | ${ms(a.p95)} | ${ms(b.median)} | ${ms(b.p95)} |`
  // The press room's own seed adds the founding statement to the benchmark's statements.
  const statements = Math.ceil(documentCount / 3) + 1
  return `## Foundation (issue 2)

Data: ${documentCount} publications (statements, notices, press releases in turn), each published in English and then
translated to Russian, so every one has both locales and versions, on top of the press room's own seed. Seeding through
the Local API took ${data.seedSeconds.toFixed(1)} s. Each figure is over ${samples} sequential requests after 3 warm-up requests.

| Request | median | p95 | median without parent index | p95 without parent index |
| --- | --- | --- | --- | --- |
${row('Anonymous REST list, English, page 20 of statements, depth 1', indexed.restEn, unindexed.restEn)}
${row('Anonymous REST list, Russian, press releases sorted by date, depth 1', indexed.restRu, unindexed.restRu)}
${row(`Anonymous REST, every statement in one page (${statements}), both languages`, indexed.restAll, unindexed.restAll)}
${row('Admin list view (server-rendered HTML), statements, 10 a page', indexed.adminList, unindexed.adminList)}
${row('Admin list view, notices, Russian, 50 a page', indexed.adminListRu, unindexed.adminListRu)}

| Target | Measured | Verdict |
| --- | --- | --- |
| Admin list view and anonymous REST list page under 1 s with ${documentCount} localized documents | worst p95 ${ms(worstList)} | ${verdict(worstList < limit)} |
| Main command ready from an installed clone (includes \`next build\`) under 2 minutes | ${coldStart.toFixed(1)} s | ${verdict(coldStart < 120)} |
| Main command ready when the build is up to date | ${warmStart.toFixed(1)} s | (no target) |

The "without parent index" columns drop the \`*_locales_parent_id_idx\` indexes that the SQLite adapter adds
(docs/adr/0003-database-sqlite-default-postgres-migrations.md), to show what they change at this size.
`
}
