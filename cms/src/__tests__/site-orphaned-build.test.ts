import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cmsRoot } from '../paths.ts'
import { createSiteBuilder, type SiteBuilderOptions } from '../siteBuild/builder.ts'

/**
 * A site build runs in its own process group and so outlives a CMS killed during it. The next
 * build stops such an orphan and deletes its half-written release, so the build that takes the
 * job over (docs/adr/0026) never runs beside it.
 */
let dir: string
let options: SiteBuilderOptions
const quickBuild = `mkdir -p "$SITE_OUT_DIR/en" && echo '<h1>after the crash</h1>' > "$SITE_OUT_DIR/en/index.html"`

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'pressroom-orphan-'))
  options = { siteDir: dir, releasesDir: path.join(dir, 'releases'), liveLink: path.join(dir, 'live') }
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const groupAlive = (group: number) => {
  try {
    process.kill(-group, 0)
    return true
  } catch {
    return false
  }
}
const markers = () => readdirSync(options.releasesDir).filter((name) => name.endsWith('.building.json'))

async function until(what: string, probe: () => boolean, timeoutMs = 20_000) {
  const end = Date.now() + timeoutMs
  while (!probe()) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** A "CMS" whose build writes a first page and then works for a minute; it is SIGKILLed mid-build. */
async function killCmsDuringBuild(): Promise<{ group: number; release: string }> {
  const slow = `mkdir -p "$SITE_OUT_DIR/en" && echo half > "$SITE_OUT_DIR/en/index.html" && sleep 60`
  const cms = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(cmsRoot, 'src/__tests__/helpers/builderChild.ts')],
    {
      cwd: cmsRoot,
      env: { ...process.env, BUILDER_OPTIONS: JSON.stringify({ ...options, command: slow }) },
      stdio: 'ignore',
    },
  )
  await until('the build under way', () => existsSync(options.releasesDir) && markers().length === 1)
  const marker = JSON.parse(readFileSync(path.join(options.releasesDir, markers()[0]!), 'utf8'))
  await until('its first page', () => existsSync(path.join(options.releasesDir, marker.release, 'en/index.html')))
  const exited = new Promise((resolve) => cms.once('exit', resolve))
  cms.kill('SIGKILL')
  await exited
  return { group: marker.group, release: marker.release }
}

describe('builds left by a stopped CMS', () => {
  it('the next build stops the orphaned build and deletes its release', async () => {
    const orphan = await killCmsDuringBuild()
    // Killing the CMS did not stop its build.
    expect(groupAlive(orphan.group)).toBe(true)

    const result = await createSiteBuilder({ ...options, command: quickBuild }).build()
    expect(result.status).toBe('succeeded')
    await until('the orphan stopped', () => !groupAlive(orphan.group), 5000)
    expect(existsSync(path.join(options.releasesDir, orphan.release))).toBe(false)
    expect(markers()).toEqual([])
    expect(readFileSync(path.join(options.liveLink, 'en/index.html'), 'utf8')).toContain('after the crash')
  })

  it('leaves alone a build whose CMS is alive, and a process that only reuses an old number', async () => {
    const owner = spawn('sleep', ['60'])
    const stranger = spawn('sleep', ['60'], { detached: true })
    try {
      mkdirRelease('20260101-000000-000-aaaa', { group: stranger.pid!, owner: owner.pid! })
      // The owner is dead, but the group number belongs to an unrelated process now.
      mkdirRelease('20260101-000000-000-bbbb', { group: stranger.pid!, owner: 999_999_999 })
      const result = await createSiteBuilder({ ...options, command: quickBuild }).build()
      expect(result.status).toBe('succeeded')
      expect(groupAlive(stranger.pid!)).toBe(true)
      expect(existsSync(path.join(options.releasesDir, '20260101-000000-000-aaaa'))).toBe(true)
      expect(markers()).toEqual(['20260101-000000-000-aaaa.building.json'])
    } finally {
      owner.kill('SIGKILL')
      stranger.kill('SIGKILL')
    }
  })
})

function mkdirRelease(release: string, ids: { group: number; owner: number }) {
  const releaseDir = path.join(options.releasesDir, release)
  rmSync(releaseDir, { recursive: true, force: true })
  for (const file of ['en/index.html']) {
    const target = path.join(releaseDir, file)
    mkdirSync(path.dirname(target), { recursive: true })
    writeFileSync(target, 'old')
  }
  writeFileSync(path.join(options.releasesDir, `${release}.building.json`), JSON.stringify({ release, ...ids }))
}
