import type { ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { type FakeResend, startFakeResend } from '@pressroom/cms/mail/testing/fake-resend'
import type { Payload } from 'payload'
import { cmsServerEnv, spawnCmsServer, waitForCmsServer } from '../lib/cmsServer.ts'
import { type RunningMainCommand, startMainCommand } from '../lib/mainCommand.ts'
import { freePort, run } from '../lib/processes.ts'
import { commandLine, isAlive, killHard, listeningPid } from './serverProcess.ts'

export type CrashDatabase = 'sqlite' | 'postgres'

/**
 * A press room for the process-level crash test: its database, uploads and site releases in a
 * temporary folder, a fake Resend on loopback at a realistic rate limit, and the CMS started by
 * the README's main command (`pnpm start`). `kill` SIGKILLs the process serving the CMS (the
 * CMS server process), `restart` starts it again: with the server spawn `pnpm start` uses
 * (scripts/src/lib/cmsServer.ts), or with the whole `pnpm start`. The test process also opens
 * the database through Payload's Local API, to create content and read what the CMS did.
 */
export type CrashRoom = {
  dir: string
  database: CrashDatabase
  cmsUrl: string
  releasesDir: string
  liveDir: string
  fake: FakeResend
  payload: Payload
  adminToken: string
  kill: () => Promise<{ pid: number; command: string }>
  /** Starts the CMS again; returns the milliseconds until it answers. */
  restart: (how: 'server' | 'pnpm start') => Promise<number>
  /** The end of what the CMS printed, for a failure's message. */
  logTail: (chars?: number) => string
  stop: () => Promise<void>
}

/** Short leases so a takeover comes seconds after the kill (production: 30 s and 120 s). */
const timings = {
  JOBS_LEASE_SECONDS: '3',
  MAIL_LEASE_SECONDS: '4',
  JOBS_AUTORUN_CRON: '* * * * * *',
  SITE_BUILD_CRON: '* * * * * *',
}

export async function startCrashRoom(database: CrashDatabase): Promise<CrashRoom> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pressroom-crash-'))
  const [port, sitePort] = [await freePort(), await freePort()]
  const releasesDir = path.join(dir, 'site', 'releases')
  const liveDir = path.join(dir, 'site', 'live')
  // Resend's own limit is 2 requests a second on the default plan; notices send one request per address.
  const fake = await startFakeResend({ ratePerSecond: 5, latencyMs: 150 })
  const { url: databaseUrl, drop } =
    database === 'postgres' ? await createPostgresDatabase() : { url: `file:${path.join(dir, 'cms.db')}`, drop: null }
  const adminPassword = 'crash-admin-password-42'
  const settings: Record<string, string> = {
    ...timings,
    CMS_URL: `http://localhost:${port}`,
    // The test process opens Payload too, and its cron may take a site build: it must read this
    // CMS, not the default port. A failed build would leave the release e-mails waiting for their
    // page (docs/adr/0044) with no change to queue another.
    SITE_BUILD_CMS_URL: `http://127.0.0.1:${port}`,
    SITE_URL: `http://localhost:${sitePort}`,
    DATABASE_URL: databaseUrl,
    UPLOAD_DIR: path.join(dir, 'uploads'),
    PAYLOAD_SECRET: 'crash-secret-that-is-long-enough-0123456789',
    SITE_RELEASES_DIR: releasesDir,
    SITE_LIVE_DIR: liveDir,
    SITE_CACHE_DIR: path.join(dir, 'site', 'cache'),
    // Its own Astro content store: the end-to-end files build their sites at the same time (two lanes).
    SITE_ASTRO_CACHE_DIR: path.join(dir, 'site', 'astro-cache'),
    RESEND_API_KEY: 're_test_key',
    RESEND_BASE_URL: fake.url,
    RESEND_RATE_LIMIT: '5',
    SUBSCRIBE_RATE_LIMIT: '100000/60',
  }
  const mainEnv = { ...settings, PORT: String(port), SITE_PORT: String(sitePort), ADMIN_PASSWORD: adminPassword }
  // The server gets what `pnpm start` gives it; not the test runner's NODE_ENV (Next serves production).
  const { NODE_ENV: _testRunner, ...inherited } = process.env
  const serverEnv = cmsServerEnv({ ...inherited, ...mainEnv })
  const logFile = path.join(dir, 'cms.log')

  let main: RunningMainCommand | undefined
  let server: ChildProcess | undefined
  let payload: Payload | undefined
  const exited = (child: ChildProcess | undefined) =>
    !child || child.exitCode !== null || child.signalCode !== null
      ? Promise.resolve()
      : new Promise<void>((resolve) => child.once('exit', () => resolve()))

  const logTail = (chars = 4000) => {
    let text = main?.output() ?? ''
    try {
      text += readFileSync(logFile, 'utf8')
    } catch {
      // nothing logged yet
    }
    return text.slice(-chars)
  }

  const stopCms = async () => {
    const pid = listeningPid(port)
    if (pid) process.kill(pid, 'SIGTERM')
    await main?.stop()
    const end = Date.now() + 15_000
    while (pid && isAlive(pid) && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 100))
    if (pid && isAlive(pid)) await killHard(pid)
    await exited(server)
  }

  const stop = async () => {
    await stopCms().catch(() => {})
    // Payload's destroy() leaves its PostgreSQL pool open; end it, but do not wait for a stuck client.
    const pool = (payload?.db as { pool?: { end: () => Promise<void> } } | undefined)?.pool
    await payload?.destroy().catch(() => {})
    if (pool) await Promise.race([pool.end().catch(() => {}), new Promise((resolve) => setTimeout(resolve, 2000))])
    await fake.stop()
    // A database still in use is left to the next test run's clean-up (scripts/src/test.ts).
    await drop?.().catch(() => {})
    rmSync(dir, { recursive: true, force: true })
  }

  try {
    main = await startMainCommand(mainEnv, 600_000)
    // The Local API of this process on the same database (as the e2e tests open it).
    Object.assign(process.env, settings)
    const [{ getPayload }, { default: config }] = await Promise.all([
      import('payload'),
      import('@pressroom/cms/config'),
    ])
    payload = await getPayload({ config })
    const login = await fetch(`http://127.0.0.1:${port}/api/users/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'admin@pressroom.localhost', password: adminPassword }),
    })
    const adminToken = ((await login.json()) as { token: string }).token
    if (!adminToken) throw new Error('The seeded admin could not log in.')

    const kill = async () => {
      const pid = listeningPid(port)
      if (!pid) throw new Error(`Nothing listens on port ${port}: the CMS is not running.\n${logTail()}`)
      const command = commandLine(pid)
      await killHard(pid)
      // The wrapper (`pnpm start`, or the shell of node_modules/.bin/next) exits with its server.
      await Promise.all([exited(server), main ? exited(main.child) : Promise.resolve()])
      return { pid, command }
    }

    const restart = async (how: 'server' | 'pnpm start') => {
      const started = Date.now()
      if (how === 'pnpm start') {
        main = await startMainCommand(mainEnv, 600_000)
        server = undefined
      } else {
        main = undefined
        const log = openSync(logFile, 'a')
        server = spawnCmsServer(port, { env: serverEnv, stdio: ['ignore', log, log] })
        closeSync(log)
        await waitForCmsServer(port, server)
      }
      return Date.now() - started
    }

    return {
      dir,
      database,
      cmsUrl: `http://127.0.0.1:${port}`,
      releasesDir,
      liveDir,
      fake,
      payload,
      adminToken,
      kill,
      restart,
      logTail,
      stop,
    }
  } catch (error) {
    const tail = logTail()
    await stop()
    throw new Error(`${(error as Error).message}\n${tail}`)
  }
}

async function createPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = process.env.TEST_POSTGRES_URL
  if (!base) {
    throw new Error(
      'CRASH_DATABASE=postgres needs TEST_POSTGRES_URL (e.g. postgres://postgres@127.0.0.1:54329/postgres); ' +
        'start one with `bash scripts/system/postgres.sh start`.',
    )
  }
  const name = `pressroom_test_crash_${randomBytes(6).toString('hex')}`
  await run('psql', [base, '-qc', `CREATE DATABASE ${name}`])
  const url = new URL(base)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: () => run('psql', [base, '-qc', `DROP DATABASE IF EXISTS ${name}`]),
  }
}
