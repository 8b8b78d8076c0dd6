import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { mkdir, readdir, readFile, readlink, rename, rm, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { redactSecrets } from '../secrets/secretValues.ts'
import { siteBuildEnv } from './buildEnv.ts'
import { SiteBuildError, type SiteBuildFailure } from './failure.ts'
import {
  buildingMarkerSuffix,
  forgetBuildProcess,
  recordBuildProcess,
  releaseOfMarker,
  stopOrphanedBuilds,
} from './orphanedBuilds.ts'

/**
 * Builds the static site into a fresh release directory and switches the `live` symlink to it in
 * one rename, so readers see either the old site or the new one, never half of each. A failed
 * build leaves `live` alone. One build at a time per builder; a request made while a build runs
 * is served by exactly one more build afterwards (docs/adr/0019-site-rebuild-on-publish.md).
 */
export type SiteBuilderOptions = {
  /** The Astro project; the build command runs here. */
  siteDir: string
  /** Each build gets `<releasesDir>/<release id>`; the status file lives here too. */
  releasesDir: string
  /** The symlink that the static server serves. */
  liveLink: string
  /** A shell command instead of the Astro build (stand-ins in tests). It writes to $SITE_OUT_DIR. */
  command?: string | null
  /** The build's environment besides the allowed part of ours (buildEnv.ts): CMS_URL, SITE_URL, SITE_BASE, PUBLIC_CMS_URL. */
  env?: Record<string, string>
  /** Releases kept on disk, the live one included. */
  keep?: number
  timeoutMs?: number
  log?: (message: string) => void
}

export type SiteBuildResult = {
  status: 'succeeded' | 'failed'
  /** The release directory's name, when the build succeeded. */
  release: string | null
  startedAt: string
  finishedAt: string
  durationMs: number
  /** HTML files in the release. */
  pages: number | null
  /** The last ~8 KB of what the build printed, secret values taken out (docs/adr/0033). */
  logTail: string
  /** One line saying what went wrong and what to do, in English (logs, status.json). */
  error: string | null
  /** The same as a code and values, which the admin words in the staff member's language (failure.ts). */
  failure: SiteBuildFailure | null
}

/** What the builder writes to `<releasesDir>/status.json` after every build. */
export type SiteBuildStatus = {
  last: SiteBuildResult | null
  lastSucceeded: SiteBuildResult | null
}

export const statusFileName = 'status.json'
const logTailBytes = 8 * 1024
const releasePattern = /^\d{8}-\d{6}-\d{3}-[0-9a-f]{4}$/

export type SiteBuilder = {
  build: () => Promise<SiteBuildResult>
  isBuilding: () => boolean
}

export function createSiteBuilder(options: SiteBuilderOptions): SiteBuilder {
  let running: Promise<SiteBuildResult> | undefined
  let again: Promise<SiteBuildResult> | undefined

  const build = (): Promise<SiteBuildResult> => {
    if (!running) {
      running = buildRelease(options).finally(() => {
        running = undefined
      })
      return running
    }
    // Everything asked for while a build runs shares the one build that follows it.
    again ??= running
      .then(
        () => undefined,
        () => undefined,
      )
      .then(() => {
        again = undefined
        return build()
      })
    return again
  }
  return { build, isBuilding: () => running !== undefined }
}

export function newReleaseId(now = new Date()): string {
  const iso = now.toISOString() // 2026-05-01T10:20:30.123Z
  const stamp = `${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}-${iso.slice(20, 23)}`
  return `${stamp}-${randomBytes(2).toString('hex')}`
}

async function buildRelease(options: SiteBuilderOptions): Promise<SiteBuildResult> {
  const log = options.log ?? (() => {})
  const started = new Date()
  const release = newReleaseId(started)
  const outDir = path.join(options.releasesDir, release)
  await mkdir(options.releasesDir, { recursive: true })

  const tail = new LogTail(logTailBytes)
  let error: string | null = null
  let failure: SiteBuildFailure | null = null
  let pages: number | null = null
  let stayed: string | null = null
  try {
    const command = buildCommand(options)
    await stopOrphanedBuilds(options.releasesDir, log)
    log(`Site build ${release} started`)
    const exit = await runCommand(command, {
      cwd: options.siteDir,
      env: { ...siteBuildEnv(), ...options.env, SITE_OUT_DIR: outDir },
      timeoutMs: options.timeoutMs ?? 600_000,
      tail,
      started: (group) => recordBuildProcess(options.releasesDir, release, group),
    }).finally(() => forgetBuildProcess(options.releasesDir, release))
    if (exit !== 0) throw exit
    pages = await countHtmlFiles(outDir)
    if (pages === 0) {
      throw new SiteBuildError(
        { code: 'noHtml', vars: { dir: outDir } },
        `The site build wrote no HTML to ${outDir} (SITE_OUT_DIR). Check the build command.`,
      )
    }
    const newer = await newerLiveRelease(options.liveLink, release)
    stayed = newer
    if (newer) {
      // Staff read the log in Administration → Site builds: in both working languages.
      tail.push(
        `\nRelease ${newer}, started after this build, is live already; live stays on it.\n` +
          `Выпуск ${newer}, начатый после этой сборки, уже опубликован; сайт остаётся на нём.\n`,
      )
    } else await switchLive(options.liveLink, outDir)
  } catch (caught) {
    error = caught instanceof Error ? caught.message : String(caught)
    failure = caught instanceof SiteBuildError ? caught.failure : { code: 'unexpected', vars: { message: error } }
    // The build's own end already says why it stopped; an error before or after it goes into the log too.
    if (!['exitCode', 'killed', 'timedOut', 'noHtml'].includes(failure.code)) tail.push(`\n${error}\n`)
  }

  if (error) await rm(outDir, { recursive: true, force: true })
  else await pruneReleases(options.releasesDir, options.liveLink, options.keep ?? 3)

  const finished = new Date()
  const result: SiteBuildResult = {
    status: error ? 'failed' : 'succeeded',
    release: error ? null : release,
    startedAt: started.toISOString(),
    finishedAt: finished.toISOString(),
    durationMs: finished.getTime() - started.getTime(),
    pages: error ? null : pages,
    logTail: redactSecrets(tail.text()),
    error: error === null ? null : redactSecrets(error),
    failure: failure && { code: failure.code, vars: redactVars(failure.vars) },
  }
  await writeStatus(options.releasesDir, result)
  if (!error) log(`Site build ${release} ${stayed ? `succeeded; ${stayed} stays live` : 'is live'} (${pages} pages)`)
  return result
}

/**
 * A shell line whose error output is merged into its standard output by the shell, so the log
 * keeps the order in which the build wrote it (two pipes would interleave at random).
 */
type Command = { script: string; args: string[] }

function buildCommand(options: SiteBuilderOptions): Command {
  if (options.command) return { script: `{ ${options.command}\n} 2>&1`, args: [] }
  return { script: 'exec "$0" "$@" 2>&1', args: [process.execPath, astroCli(options.siteDir), 'build'] }
}

/** Astro's command-line entry, as its package.json names it (bin/astro.mjs in Astro 7). */
function astroCli(siteDir: string): string {
  const packageDir = path.join(siteDir, 'node_modules/astro')
  try {
    const manifest = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as {
      bin?: string | Record<string, string>
    }
    const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin?.astro
    if (bin && existsSync(path.join(packageDir, bin))) return path.join(packageDir, bin)
  } catch {
    // reported below
  }
  throw new SiteBuildError(
    { code: 'astroMissing', vars: { dir: siteDir } },
    `Astro is not installed in ${siteDir} (no node_modules/astro). Run \`pnpm install\` in the repository, ` +
      'or set SITE_BUILD_COMMAND, SITE_BUILD_HOOK_URL or SITE_BUILD=off.',
  )
}

function runCommand(
  command: Command,
  options: {
    cwd: string
    env: Record<string, string>
    timeoutMs: number
    tail: LogTail
    /** Told the build's process group as soon as it runs. */
    started?: (group: number) => void
  },
): Promise<SiteBuildError | 0> {
  return new Promise((resolve, reject) => {
    const child = spawn('/bin/sh', ['-c', command.script, ...command.args], {
      cwd: options.cwd,
      env: options.env as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, so a timeout stops the whole build, not only the shell.
      detached: true,
    })
    if (child.pid) options.started?.(child.pid)
    child.stdout.on('data', (chunk: Buffer) => options.tail.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => options.tail.push(chunk))
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      if (child.pid) process.kill(-child.pid, 'SIGKILL')
    }, options.timeoutMs)
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(
        new SiteBuildError(
          { code: 'couldNotStart', vars: { dir: options.cwd, reason: error.message } },
          `Could not start the site build in ${options.cwd}: ${error.message}`,
        ),
      )
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      if (code === 0 && !timedOut) return resolve(0)
      const seconds = options.timeoutMs / 1000
      const [failure, why]: [SiteBuildFailure, string] = timedOut
        ? [
            { code: 'timedOut', vars: { seconds } },
            `stopped after ${seconds} s; raise SITE_BUILD_TIMEOUT_SECONDS if needed`,
          ]
        : signal
          ? [{ code: 'killed', vars: { signal } }, `killed by ${signal}`]
          : [{ code: 'exitCode', vars: { exit: code ?? '?' } }, `exit code ${code}`]
      resolve(
        new SiteBuildError(
          failure,
          `The site build failed (${why}). The end of its log says why; fix that, then publish again or restart the CMS.`,
        ),
      )
    })
  })
}

/**
 * The live release when it started after `release` (release ids begin with their start instant).
 * Two CMS processes may build at once (in one process builds take turns): the one that started
 * earlier must not replace the newer site when it happens to finish later, or readers would see
 * an older site and the e-mails released for the newer one would link to pages gone again.
 */
async function newerLiveRelease(liveLink: string, release: string): Promise<string | null> {
  const current = await readlink(liveLink).catch(() => null)
  const name = current ? path.basename(current) : null
  return name && name > release ? name : null
}

/** Points `liveLink` at `target` by renaming a new symlink over it: one atomic step. */
async function switchLive(liveLink: string, target: string): Promise<void> {
  const temporary = `${liveLink}.${randomBytes(4).toString('hex')}.tmp`
  await mkdir(path.dirname(liveLink), { recursive: true })
  await symlink(path.relative(path.dirname(liveLink), target), temporary, 'dir')
  try {
    await rename(temporary, liveLink)
  } catch (error) {
    await rm(temporary, { force: true })
    throw new SiteBuildError(
      { code: 'switchLive', vars: { link: liveLink, reason: (error as Error).message } },
      `Could not switch ${liveLink} to the new release (${(error as Error).message}). ` +
        'It must be a symlink (or absent); move a real directory there out of the way.',
    )
  }
}

/** The release `liveLink` points at, or null when there is none yet. */
export async function liveRelease(liveLink: string): Promise<string | null> {
  try {
    return path.basename(await readlink(liveLink))
  } catch {
    return null
  }
}

/**
 * Deletes releases beyond the newest `keep`, never the live one nor one still being built (it has
 * a marker, see orphanedBuilds.ts). Run after every successful build and by the retention job
 * (docs/adr/0031). Gives the names deleted.
 */
export async function pruneReleases(releasesDir: string, liveLink: string, keep: number): Promise<string[]> {
  const live = await liveRelease(liveLink)
  let names: string[]
  try {
    names = await readdir(releasesDir)
  } catch {
    return []
  }
  const releases = names.filter((name) => releasePattern.test(name)).sort()
  const kept = new Set(releases.slice(-Math.max(1, keep)))
  if (live) kept.add(live)
  const building = new Set(names.filter((name) => name.endsWith(buildingMarkerSuffix)).map(releaseOfMarker))
  const removed: string[] = []
  for (const name of releases) {
    if (kept.has(name) || building.has(name)) continue
    await rm(path.join(releasesDir, name), { recursive: true, force: true })
    removed.push(name)
  }
  return removed
}

/** Values shown to staff carry no secret either (docs/adr/0033). */
function redactVars(vars: SiteBuildFailure['vars']): SiteBuildFailure['vars'] {
  return Object.fromEntries(
    Object.entries(vars).map(([name, value]) => [name, typeof value === 'string' ? redactSecrets(value) : value]),
  )
}

async function countHtmlFiles(dir: string): Promise<number> {
  if (!existsSync(dir)) return 0
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.html')).length
}

export async function readSiteBuildStatus(releasesDir: string): Promise<SiteBuildStatus> {
  try {
    return JSON.parse(await readFile(path.join(releasesDir, statusFileName), 'utf8')) as SiteBuildStatus
  } catch {
    return { last: null, lastSucceeded: null }
  }
}

async function writeStatus(releasesDir: string, result: SiteBuildResult): Promise<void> {
  const previous = await readSiteBuildStatus(releasesDir)
  // What is live: a build that finished after a newer one (another process) left live on it.
  const newest =
    result.status === 'succeeded' &&
    !(previous.lastSucceeded?.release && previous.lastSucceeded.release > result.release!)
  const status: SiteBuildStatus = {
    last: result,
    lastSucceeded: newest ? result : previous.lastSucceeded,
  }
  const file = path.join(releasesDir, statusFileName)
  const temporary = `${file}.${randomBytes(4).toString('hex')}.tmp`
  await writeFile(temporary, `${JSON.stringify(status, null, 2)}\n`)
  await rename(temporary, file)
}

/** Keeps the last `limit` bytes of a stream of output. */
export class LogTail {
  private chunks: Buffer[] = []
  private size = 0

  constructor(private readonly limit: number) {}

  push(chunk: Buffer | string): void {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk
    this.chunks.push(buffer)
    this.size += buffer.length
    while (this.size - (this.chunks[0]?.length ?? 0) >= this.limit) {
      this.size -= this.chunks.shift()!.length
    }
  }

  text(): string {
    const all = Buffer.concat(this.chunks)
    const cut = all.subarray(Math.max(0, all.length - this.limit))
    // A cut through a multi-byte character decodes to U+FFFD; drop it rather than show it.
    return cut.toString('utf8').replace(/^\uFFFD+/, '')
  }
}
