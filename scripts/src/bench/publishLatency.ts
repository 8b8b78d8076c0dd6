/**
 * Publish → live page latency on the embedded default (issue 3: under 60 s): the README's main
 * command (`pnpm start`: SQLite, the CMS's job queue rebuilding the site, the site served on
 * SITE_PORT) with its default timings, on a copy of the benchmark's database. An admin publishes a
 * new document over REST; the served site is polled until the document's page answers 200. Then
 * an embargoed press release times embargo end → live page → e-mail (embargoLatency.ts).
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { paragraphsToLexical } from '@pressroom/cms/seed/lexical'
import { startMainCommand } from '../lib/mainCommand.ts'
import { waitForSiteBuild } from '../lib/siteBuilds.ts'
import { type EmbargoSample, measureEmbargoToLive } from './embargoLatency.ts'

export type PublishSample = { seconds: number; path: string }

/** One publication: the seconds from the publish request to the first 200 of its page on the served site. */
export async function measurePublishToLiveLatency(options: {
  cmsUrl: string
  siteUrl: string
  adminEmail: string
  adminPassword: string
  /** Distinguishes the document's title (and so its slug) from the others'. */
  label: string
  timeoutMs?: number
}): Promise<PublishSample> {
  const login = await fetch(`${options.cmsUrl}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: options.adminEmail, password: options.adminPassword }),
  })
  if (!login.ok) throw new Error(`Admin login answered ${login.status}: ${await login.text()}`)
  const { token } = (await login.json()) as { token: string }
  const started = performance.now()
  const created = await fetch(`${options.cmsUrl}/api/notices?locale=en`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `JWT ${token}` },
    body: JSON.stringify({
      title: `Notice published to measure the rebuild ${options.label}`,
      date: new Date().toISOString(),
      body: paragraphsToLexical(['Published by the benchmark to time publish → live page.']),
      _status: 'published',
    }),
  })
  if (!created.ok) throw new Error(`Publishing answered ${created.status}: ${await created.text()}`)
  const { doc } = (await created.json()) as { doc: { slug: string } }
  const page = `/en/notices/${doc.slug}/`
  const end = started + (options.timeoutMs ?? 180_000)
  while (performance.now() < end) {
    const response = await fetch(`${options.siteUrl}${page}`).catch(() => undefined)
    await response?.arrayBuffer()
    if (response?.status === 200) return { seconds: (performance.now() - started) / 1000, path: page }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`${page} did not appear on ${options.siteUrl} within ${(options.timeoutMs ?? 180_000) / 1000} s`)
}

/**
 * Starts the main command on a copy of `databaseFile` (SITE_BUILD on, default debounce and cron),
 * waits for its first site build, then publishes `samples` documents one after another.
 */
export async function measurePublishLatency(options: {
  databaseFile: string
  uploadDir: string
  port: number
  sitePort: number
  adminEmail: string
  adminPassword: string
  samples: number
  log: (message: string) => void
}): Promise<{ samples: PublishSample[]; firstBuildSeconds: number; embargo: EmbargoSample | Error }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pressroom-bench-publish-'))
  const databaseFile = path.join(dir, 'cms.db')
  copyFileSync(options.databaseFile, databaseFile)
  const releasesDir = path.join(dir, 'releases')
  const started = new Date()
  const cms = await startMainCommand(
    {
      DATABASE_URL: `file:${databaseFile}`,
      UPLOAD_DIR: options.uploadDir,
      PORT: String(options.port),
      ADMIN_EMAIL: options.adminEmail,
      ADMIN_PASSWORD: options.adminPassword,
      SITE_PORT: String(options.sitePort),
      SITE_URL: `http://localhost:${options.sitePort}`,
      SITE_RELEASES_DIR: releasesDir,
      SITE_LIVE_DIR: path.join(dir, 'live'),
      SITE_CACHE_DIR: path.join(dir, 'site-cache'),
      SITE_ASTRO_CACHE_DIR: path.join(dir, 'astro-cache'),
      // The embedded default (README), whatever the benchmark set for its CMS-only parts.
      SITE_BUILD: 'on',
      JOBS_AUTORUN_CRON: '*/10 * * * * *',
      SITE_BUILD_CRON: '*/5 * * * * *',
      MAIL_OUTBOX_DIR: path.join(dir, 'outbox'),
    },
    1_200_000,
  )
  try {
    const first = await waitForSiteBuild({ releasesDir, since: started, succeeded: true, timeoutMs: 60_000 })
    const firstBuildSeconds = first.durationMs / 1000
    options.log(`    first build (cold, at start): ${firstBuildSeconds.toFixed(1)} s`)
    const samples: PublishSample[] = []
    for (let i = 1; i <= options.samples; i++) {
      const sample = await measurePublishToLiveLatency({
        cmsUrl: `http://127.0.0.1:${options.port}`,
        siteUrl: `http://127.0.0.1:${options.sitePort}`,
        adminEmail: options.adminEmail,
        adminPassword: options.adminPassword,
        label: `${started.getTime()}-${i}`,
      })
      options.log(`    publish → live ${i}/${options.samples}: ${sample.seconds.toFixed(1)} s`)
      samples.push(sample)
    }
    // The embargo ends once the publish's own build is surely done: twice the slowest publish.
    const leadSeconds = Math.max(15, Math.ceil(2 * Math.max(...samples.map((x) => x.seconds), 0)))
    const embargo = await measureEmbargoToLive({
      cmsUrl: `http://127.0.0.1:${options.port}`,
      siteUrl: `http://127.0.0.1:${options.sitePort}`,
      outboxDir: path.join(dir, 'outbox'),
      adminEmail: options.adminEmail,
      adminPassword: options.adminPassword,
      leadSeconds,
      label: String(started.getTime()),
    }).catch((error: Error) => error)
    options.log(
      embargo instanceof Error
        ? `    embargo end → live: failed: ${embargo.message}`
        : `    embargo end → live page ${embargo.liveSeconds.toFixed(1)} s, → e-mail in the outbox ${embargo.mailSeconds.toFixed(1)} s`,
    )
    return { samples, firstBuildSeconds, embargo }
  } finally {
    await cms.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}
