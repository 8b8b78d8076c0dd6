import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { redactSecrets } from '../secrets/secretValues.ts'
import { createSiteBuilder, LogTail, readSiteBuildStatus, type SiteBuilderOptions } from '../siteBuild/builder.ts'
import { standInCommand, standInKnobs } from './helpers/standInSiteBuild.ts'

/** A loopback "CMS" whose organization name changes with every read, so each build differs. */
let cms: Server
let cmsUrl: string
let reads = 0
beforeAll(async () => {
  // The build gets an allow-listed environment: the stand-in's test knobs are let through by name.
  process.env.SITE_BUILD_ENV = standInKnobs
  cms = createServer((_req, res) => {
    reads += 1
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ organizationName: `Press room ${reads}` }))
  })
  await new Promise<void>((resolve) => cms.listen(0, '127.0.0.1', resolve))
  cmsUrl = `http://127.0.0.1:${(cms.address() as AddressInfo).port}`
})
afterAll(() => new Promise((resolve) => cms.close(resolve)))

let dir: string
let options: SiteBuilderOptions
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'pressroom-site-builder-'))
  options = {
    siteDir: dir,
    releasesDir: path.join(dir, 'releases'),
    liveLink: path.join(dir, 'live'),
    command: standInCommand,
    env: { CMS_URL: cmsUrl, SITE_URL: 'http://localhost:4321', SITE_BASE: '/' },
  }
  delete process.env.STAND_IN_FAIL
  delete process.env.STAND_IN_DELAY_MS
})
afterEach(() => {
  for (const name of ['STAND_IN_FAIL', 'STAND_IN_DELAY_MS', 'STAND_IN_LOCK', 'STAND_IN_RECORD'])
    delete process.env[name]
  rmSync(dir, { recursive: true, force: true })
})

const livePage = () => readFileSync(path.join(dir, 'live/en/index.html'), 'utf8')
const releases = () => readdirSync(path.join(dir, 'releases')).filter((name) => name !== 'status.json')

describe('site builder', () => {
  it('builds into a new release and points live at it, keeping the last three releases', async () => {
    const builder = createSiteBuilder(options)
    const first = await builder.build()
    expect(first.status).toBe('succeeded')
    expect(first.pages).toBe(5)
    expect(readlinkSync(options.liveLink)).toBe(path.join('releases', first.release!))
    const firstPage = livePage()
    expect(firstPage).toMatch(/^<h1>Press room \d+<\/h1>$/)

    const built = [first]
    for (let i = 0; i < 4; i++) built.push(await builder.build())
    const last = built.at(-1)!
    expect(readlinkSync(options.liveLink)).toBe(path.join('releases', last.release!))
    expect(livePage()).not.toBe(firstPage)
    expect(releases().sort()).toEqual(
      built
        .slice(-3)
        .map((b) => b.release)
        .sort(),
    )
    const status = await readSiteBuildStatus(options.releasesDir)
    expect(status.last?.release).toBe(last.release)
    expect(status.lastSucceeded?.release).toBe(last.release)
  })

  it('switches live atomically: a reader polling during builds never misses the page', async () => {
    const builder = createSiteBuilder(options)
    await builder.build()
    let reading = true
    let readsDone = 0
    const misses: string[] = []
    const reader = (async () => {
      while (reading) {
        try {
          readFileSync(path.join(options.liveLink, 'en/index.html'))
          readsDone += 1
        } catch (error) {
          misses.push((error as Error).message)
        }
        await new Promise((resolve) => setImmediate(resolve))
      }
    })()
    for (let i = 0; i < 5; i++) expect((await builder.build()).status).toBe('succeeded')
    reading = false
    await reader
    expect(readsDone).toBeGreaterThan(50)
    expect(misses).toEqual([])
  })

  it('keeps the live site when a build fails, and records the end of its log', async () => {
    const builder = createSiteBuilder(options)
    const good = await builder.build()
    const goodPage = livePage()

    process.env.STAND_IN_FAIL = '1'
    const failed = await builder.build()
    expect(failed.status).toBe('failed')
    expect(failed.release).toBeNull()
    expect(failed.error).toMatch(/The site build failed \(exit code 1\)/)
    expect(failed.failure).toEqual({ code: 'exitCode', vars: { exit: 1 } })
    // Error output keeps its place after the standard output written before it.
    expect(failed.logTail).toMatch(/building page 2000 of 2000\nError: the stand-in build failed on purpose\.\n$/)
    expect(failed.logTail).toContain('building page 2000 of 2000')
    expect(failed.logTail).not.toContain('building page 1 of 2000\n')
    expect(Buffer.byteLength(failed.logTail)).toBeLessThanOrEqual(8 * 1024)

    expect(readlinkSync(options.liveLink)).toBe(path.join('releases', good.release!))
    expect(livePage()).toBe(goodPage)
    expect(releases()).toEqual([good.release])
    const status = await readSiteBuildStatus(options.releasesDir)
    expect(status.last?.status).toBe('failed')
    expect(status.lastSucceeded?.release).toBe(good.release)
  })

  it('runs `astro build` through the CLI that the installed Astro package names', async () => {
    const astro = path.join(dir, 'node_modules/astro')
    mkdirSync(path.join(astro, 'bin'), { recursive: true })
    writeFileSync(
      path.join(astro, 'package.json'),
      JSON.stringify({ name: 'astro', bin: { astro: './bin/astro.mjs' } }),
    )
    writeFileSync(
      path.join(astro, 'bin/astro.mjs'),
      [
        "import { mkdirSync, writeFileSync } from 'node:fs'",
        'const out = process.env.SITE_OUT_DIR',
        "mkdirSync(out + '/en', { recursive: true })",
        "const said = [process.argv.slice(2).join(' '), 'in', process.cwd(), 'for', process.env.SITE_URL].join(' ')",
        "writeFileSync(out + '/en/index.html', '<p>' + said + '</p>')",
      ].join('\n'),
    )
    const result = await createSiteBuilder({ ...options, command: null }).build()
    expect(result.status).toBe('succeeded')
    expect(livePage()).toBe(`<p>build in ${dir} for http://localhost:4321</p>`)
  })

  it('says what to do when the site is not installed', async () => {
    const result = await createSiteBuilder({ ...options, command: null }).build()
    expect(result.status).toBe('failed')
    expect(result.error).toMatch(/Astro is not installed in .*Run `pnpm install`/)
    expect(result.failure).toEqual({ code: 'astroMissing', vars: { dir: expect.any(String) } })
    expect(existsSync(options.liveLink)).toBe(false)
  })

  it('runs one build at a time; requests during a build share one more build afterwards', async () => {
    process.env.STAND_IN_LOCK = path.join(dir, 'building.lock')
    process.env.STAND_IN_RECORD = path.join(dir, 'builds.txt')
    process.env.STAND_IN_DELAY_MS = '400'
    const builder = createSiteBuilder(options)
    const first = builder.build()
    expect(builder.isBuilding()).toBe(true)
    const during = [builder.build(), builder.build(), builder.build()]
    const [one, ...rest] = await Promise.all([first, ...during])
    expect(one?.status).toBe('succeeded')
    for (const result of rest) expect(result).toEqual(rest[0])
    expect(rest[0]?.status).toBe('succeeded')
    expect(rest[0]?.release).not.toBe(one?.release)
    expect(Date.parse(rest[0]!.startedAt)).toBeGreaterThanOrEqual(Date.parse(one!.finishedAt))
    expect(readFileSync(process.env.STAND_IN_RECORD, 'utf8').trim().split('\n')).toHaveLength(2)
    expect(builder.isBuilding()).toBe(false)
  })

  it('never puts back an older site: a build that started earlier and finishes later (another process) leaves live alone', async () => {
    // Two builders on the same releases, as two CMS processes: the first is slow, the second quick.
    const slow = createSiteBuilder({ ...options, env: { ...options.env, STAND_IN_DELAY_MS: '1500' } })
    const quick = createSiteBuilder({ ...options, env: { ...options.env, STAND_IN_DELAY_MS: '0' } })
    const older = slow.build()
    await new Promise((resolve) => setTimeout(resolve, 100))
    const newer = await quick.build()
    expect(newer?.status).toBe('succeeded')
    expect(path.basename(readlinkSync(options.liveLink))).toBe(newer?.release)
    const pageOfNewer = livePage()

    const late = await older
    expect(Date.parse(late!.startedAt)).toBeLessThan(Date.parse(newer!.startedAt))
    expect(Date.parse(late!.finishedAt)).toBeGreaterThan(Date.parse(newer!.finishedAt))
    expect(late?.status).toBe('succeeded')
    expect(path.basename(readlinkSync(options.liveLink))).toBe(newer?.release)
    expect(livePage()).toBe(pageOfNewer)
    expect(late?.logTail).toContain(`Release ${newer?.release}, started after this build, is live already`)
    // The status file says what is live: the newer release, although the older build finished last
    // (the health check and the crash test read it).
    const status = await readSiteBuildStatus(options.releasesDir)
    expect(status.lastSucceeded?.release).toBe(newer?.release)
    expect(status.last?.release).toBe(late?.release)
  })
})

describe('log tail', () => {
  it('keeps the last bytes without a broken character at the cut', () => {
    const tail = new LogTail(10)
    tail.push('abcdef')
    tail.push(Buffer.from('ёжик-123'))
    const text = tail.text()
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(10)
    expect(text.endsWith('ик-123')).toBe(true)
    expect(text).not.toContain('\uFFFD')
  })
})

describe('secrets and the site build (docs/adr/0033)', () => {
  const planted = {
    PAYLOAD_SECRET: 'planted-payload-secret-7f3a9c1e5b2d8046',
    RESEND_API_KEY: 're_planted_resend_key_41c9e07d',
    DATABASE_URL: 'postgres://pressroom:planted-db-password-93ab@127.0.0.1:5432/pressroom',
    SITE_BUILD_HOOK_URL: 'https://hooks.example.org/build/planted-hook-token-5e21',
    ACME_DEPLOY_TOKEN: 'planted-other-token-c0ffee42',
  }
  const saved: Record<string, string | undefined> = {}
  beforeEach(() => {
    for (const [name, value] of Object.entries(planted)) {
      saved[name] = process.env[name]
      process.env[name] = value
    }
  })
  afterEach(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
    process.env.SITE_BUILD_ENV = standInKnobs
  })

  it('gives the build only allowed variables, and takes secret values out of its log', async () => {
    // The build prints its whole environment, then the secrets it was never given but prints anyway
    // (as a build that read them from a file would), the last one cut by the log's end.
    const printsSecrets = [
      'env',
      `echo "key ${planted.RESEND_API_KEY} and db password planted-db-password-93ab"`,
      `echo "hook ${planted.SITE_BUILD_HOOK_URL}" "${planted.PAYLOAD_SECRET}"`,
      `${standInCommand}`,
    ].join('\n')
    const result = await createSiteBuilder({ ...options, command: printsSecrets }).build()
    expect(result.status).toBe('succeeded')
    const log = result.logTail
    expect(log).toMatch(/^PATH=/m)
    expect(log).toMatch(new RegExp(`^CMS_URL=${cmsUrl}$`, 'm'))
    for (const [name, value] of Object.entries(planted)) {
      expect(log, name).not.toMatch(new RegExp(`^${name}=`, 'm'))
      expect(log, name).not.toContain(value)
    }
    expect(log).not.toContain('planted-db-password-93ab')
    expect(log).toContain('key [secret RESEND_API_KEY] and db password [secret DATABASE_URL password]')
    expect(log).toContain('hook [secret SITE_BUILD_HOOK_URL] [secret PAYLOAD_SECRET]')
    // What `./pressroom start` prints from status.json is the same redacted log.
    const status = await readSiteBuildStatus(options.releasesDir)
    expect(JSON.stringify(status)).not.toContain(planted.PAYLOAD_SECRET)
  })

  it('redacts a secret cut in half by the end of the log tail', () => {
    const tail = new LogTail(24)
    tail.push(`token: ${planted.PAYLOAD_SECRET}\nbuild done\n`)
    expect(tail.text()).toContain(planted.PAYLOAD_SECRET.slice(-12))
    expect(redactSecrets(tail.text())).toBe('[secret PAYLOAD_SECRET]\nbuild done\n')
  })

  it('refuses SITE_BUILD_ENV that names a secret, saying what to do', async () => {
    process.env.SITE_BUILD_ENV = `${standInKnobs},PAYLOAD_SECRET`
    const result = await createSiteBuilder(options).build()
    expect(result.status).toBe('failed')
    expect(result.error).toMatch(/SITE_BUILD_ENV names PAYLOAD_SECRET: the site build never gets secrets/)
    expect(result.failure).toEqual({ code: 'secretInBuildEnv', vars: { names: 'PAYLOAD_SECRET' } })
    expect(result.logTail).not.toContain(planted.PAYLOAD_SECRET)
  })
})
