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
import { fileURLToPath } from 'node:url'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createSiteBuilder, LogTail, readSiteBuildStatus, type SiteBuilderOptions } from '../site/builder.ts'

const standIn = path.join(path.dirname(fileURLToPath(import.meta.url)), 'helpers/stand-in-site-build.mjs')
const standInCommand = `"${process.execPath}" "${standIn}"`

/** A loopback "CMS" whose organization name changes with every read, so each build differs. */
let cms: Server
let cmsUrl: string
let reads = 0
beforeAll(async () => {
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
