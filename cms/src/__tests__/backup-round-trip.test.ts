import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import { getPayload, type Payload } from 'payload'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { countTables } from '../backup/databaseLoad.ts'
import { BackupRefused, createBackup, type Install, restoreBackup } from '../backup/index.ts'
import { filesUnder } from '../backup/tree.ts'
import { planDispatch } from '../notices/dispatch/planDispatch.ts'
import { seed } from '../seed/index.ts'
import { exampleGroupName, exampleNoticeSlug } from '../seed/noticeExamples.ts'
import { createSiteBuilder } from '../siteBuild/builder.ts'
import { planPublicationSends } from '../subscriptions/publication/planPublicationSends.ts'
import { type StartedPayload, staffPassword, startPayload, testDatabase } from '../testing/payload.ts'
import { apiSlug, restHandlers, type ServedRest, serveRest } from '../testing/serveRest.ts'
import { minimalPdf } from './helpers/files.ts'
import { httpClient } from './helpers/http.ts'

/**
 * Backup and restore (issue 12 item 5, docs/adr/0030): an install with content, subscribers, a
 * send, a dispatch log and uploads is backed up while its Payload runs, restored into a fresh
 * folder and database, and must answer every REST read of an admin identically and build a site
 * with the same checksums.txt. Damaged archives and installs that have data are refused, and
 * the refusal changes nothing.
 */
const siteRoot = path.resolve(import.meta.dirname, '../../../site')
const minutes = 60_000
const passphrase = 'correct horse battery staple, twice'

const collectionRead = (slug: string) => `/${slug}?limit=500&sort=id&depth=1&locale=all`

/**
 * Every collection as the admin reads it: all of ours (from the config, so a new one is covered
 * without a change here; the rate-limit counters, closed to everyone, answer 403 on both sides)
 * and Payload's job queue; versions of the publications too.
 */
const restReads = (payload: Payload) => [
  ...payload.config.collections
    .map((collection) => collection.slug)
    .filter((slug) => !slug.startsWith('payload-') || slug === 'payload-jobs')
    .map(collectionRead),
  '/statements/versions?limit=500&sort=id&locale=all',
  '/notices/versions?limit=500&sort=id&locale=all',
  '/globals/site-settings?locale=all',
]

type Side = {
  dir: string
  install: Install
  payload: Payload
  answers: Record<string, string>
  checksums: string
}

let work: string
let sideA: Side
let sideB: Side
let started: StartedPayload
let archive: string
let token: string
let restoredDatabase: { url: string; drop: () => Promise<void> } | null = null
const timings: Record<string, number> = {}

async function timed<T>(name: string, action: () => Promise<T>): Promise<T> {
  const start = performance.now()
  try {
    return await action()
  } finally {
    timings[name] = Math.round(performance.now() - start)
  }
}

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex')

/** Every REST answer of the reads above, and the bytes of every stored file, as the admin gets them. */
async function readEverything(payload: Payload): Promise<Record<string, string>> {
  const http = httpClient(payload)
  const answers: Record<string, string> = {}
  const fileUrls: string[] = []
  for (const read of restReads(payload)) {
    const res = await http.get(read, { token })
    answers[read] = `${res.status} ${JSON.stringify(res.json)}`
    for (const doc of (res.json?.docs ?? []) as { url?: string; sizes?: Record<string, { url?: string }> }[]) {
      if (doc.url) fileUrls.push(doc.url)
      for (const size of Object.values(doc.sizes ?? {})) if (size.url) fileUrls.push(size.url)
    }
  }
  expect(fileUrls.length, 'no stored files were read').toBeGreaterThan(3)
  const { GET } = restHandlers(payload)
  for (const url of fileUrls) {
    const request = new Request(new URL(url, 'http://localhost'), { headers: { Authorization: `JWT ${token}` } })
    const res = await GET!(request, { params: Promise.resolve({ slug: apiSlug(new URL(request.url).pathname) }) })
    answers[`file ${url}`] = `${res.status} ${sha256(new Uint8Array(await res.arrayBuffer()))}`
  }
  return answers
}

/** Builds the real site from this CMS over HTTP into the side's folder; returns both languages' checksums.txt. */
async function buildSite(payload: Payload, dir: string): Promise<string> {
  const served: ServedRest = await serveRest(payload)
  try {
    const result = await createSiteBuilder({
      siteDir: siteRoot,
      releasesDir: path.join(dir, 'releases'),
      liveLink: path.join(dir, 'live'),
      env: {
        CMS_URL: served.url,
        PUBLIC_CMS_URL: 'https://cms.example.org',
        SITE_URL: 'https://press.example.org',
        SITE_BASE: '/',
        SITE_CACHE_DIR: path.join(dir, 'site-file-cache'),
        SITE_ASTRO_CACHE_DIR: path.join(dir, 'astro-cache'),
      },
    }).build()
    if (result.status !== 'succeeded') throw new Error(`The site build failed: ${result.error}\n${result.logTail}`)
    return ['en', 'ru']
      .map((locale) => readFileSync(path.join(dir, 'live', locale, 'checksums.txt'), 'utf8'))
      .join('\n')
  } finally {
    await served.close()
  }
}

function installIn(dir: string, databaseUrl: string): Install {
  return {
    databaseUrl,
    stores: { uploads: path.join(dir, 'uploads'), outbox: path.join(dir, 'outbox') },
    envFile: path.join(dir, 'cms.env'),
  }
}

async function freshPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = process.env.TEST_POSTGRES_URL!
  const name = `pressroom_test_restore_${Date.now()}`
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: base })
    await client.connect()
    await client.query(sql)
    await client.end()
  }
  await run(`CREATE DATABASE ${name}`)
  const url = new URL(base)
  url.pathname = `/${name}`
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) }
}

/** The content the issue names: seeded publications and uploads, subscribers, a send, a dispatch log. */
async function fillInstall(payload: Payload): Promise<void> {
  await seed(payload, { adminPassword: staffPassword })
  await payload.create({
    collection: 'documents',
    file: { data: minimalPdf(), name: 'annex.pdf', mimetype: 'application/pdf', size: minimalPdf().length },
    data: { title: 'Annex (PDF)' },
  })
  for (const email of ['reader-one@example.org', 'reader-two@example.org']) {
    await payload.create({
      collection: 'subscribers',
      overrideAccess: true,
      data: {
        email,
        status: 'active',
        languages: ['en', 'ru'],
        locale: 'en',
        confirmedAt: new Date().toISOString(),
      } as never,
    })
  }
  const statement = await payload.find({ collection: 'statements', limit: 1, depth: 0 })
  await payload.updateGlobal({ slug: 'site-settings', data: { publicationEmailGraceSeconds: 0 } })
  const send = await planPublicationSends(payload, { collection: 'statements', id: statement.docs[0]!.id })
  expect(send.status).toBe('planned')
  const group = await payload.find({
    collection: 'distribution-groups',
    where: { name: { equals: exampleGroupName } },
    locale: 'en',
    depth: 0,
  })
  const notice = await payload.find({ collection: 'notices', where: { slug: { equals: exampleNoticeSlug } }, depth: 0 })
  const dispatch = await payload.create({
    collection: 'dispatches',
    depth: 0,
    data: { notice: notice.docs[0]!.id, groups: [group.docs[0]!.id] } as never,
  })
  await planDispatch(payload, dispatch.id)
  await payload.jobs.queue({ task: 'deliverMail', queue: 'email', input: {} })
  await payload.jobs.run({ queue: 'email', limit: 10, silent: true })
}

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'pressroom-backup-'))
  started = await startPayload({ env: { MAIL_OUTBOX_DIR: path.join(work, 'a-outbox') } })
  const payload = started.payload
  await timed('fill the install', () => fillInstall(payload))
  token = await httpClient(payload).login('admin@pressroom.localhost', staffPassword)
  const dirA = path.join(work, 'a')
  mkdirSync(dirA)
  const install: Install = {
    databaseUrl: process.env.DATABASE_URL!,
    stores: { uploads: started.uploadDir, outbox: path.join(work, 'a-outbox') },
    envFile: path.join(dirA, 'cms.env'),
  }
  writeFileSync(install.envFile, 'PAYLOAD_SECRET=the-original-secret-0123456789abcdef\nRESEND_API_KEY=re_original\n')
  const checksums = await timed('site build (backed-up side)', () => buildSite(payload, dirA))
  const answers = await readEverything(payload)
  sideA = { dir: dirA, install, payload, answers, checksums }

  // Online: the backed-up Payload keeps running (and its job runner could write) meanwhile.
  archive = path.join(work, 'archives/pressroom-backup.tar.gz')
  await timed('backup', () => createBackup(install, { archive, passphrase }))

  const dirB = path.join(work, 'b')
  mkdirSync(dirB)
  if (testDatabase === 'postgres') restoredDatabase = await freshPostgresDatabase()
  const installB = installIn(dirB, restoredDatabase?.url ?? `file:${path.join(dirB, 'restored.db')}`)
  await timed('restore', () => restoreBackup(archive, installB, { passphrase }))

  // The restored install started as the CMS starts: its own environment, its own Payload.
  Object.assign(process.env, {
    DATABASE_URL: installB.databaseUrl,
    UPLOAD_DIR: installB.stores.uploads,
    MAIL_OUTBOX_DIR: installB.stores.outbox,
  })
  vi.resetModules()
  const { default: config } = await import('../payload.config.ts')
  const restored = await timed('start the restored CMS', () => getPayload({ config, key: 'restored' }))
  if (testDatabase === 'postgres') await restored.db.migrate()
  const answersB = await readEverything(restored)
  const checksumsB = await timed('site build (restored side)', () => buildSite(restored, dirB))
  sideB = { dir: dirB, install: installB, payload: restored, answers: answersB, checksums: checksumsB }
}, 5 * minutes)

afterAll(async () => {
  console.log(`backup round trip (${testDatabase}) timings, ms: ${JSON.stringify(timings)}`)
  const pool = (sideB?.payload.db as { pool?: { end: () => Promise<void> } } | undefined)?.pool
  await sideB?.payload.destroy()
  if (pool) await Promise.race([pool.end(), new Promise((resolve) => setTimeout(resolve, 2000))])
  await restoredDatabase?.drop().catch(() => {})
  await started?.stop()
  if (work) rmSync(work, { recursive: true, force: true })
})

describe(`backup and restore (${testDatabase})`, () => {
  it('the archive lists versions, the database state and a checksum per file; secrets only encrypted', async () => {
    const { verifyArchive } = await import('../backup/readArchive.ts')
    const manifest = await verifyArchive(archive)
    expect(manifest.database.kind).toBe(testDatabase)
    expect(manifest.versions.payload).toMatch(/^3\./)
    expect(manifest.versions.node).toBe(process.version)
    expect(manifest.versions.gitCommit).toMatch(/^[0-9a-f]{40}|unknown/)
    expect(manifest.database.migrations.length).toBeGreaterThan(0)
    const paths = manifest.files.map((f) => f.path)
    expect(paths.filter((p) => p.startsWith('uploads/media/')).length).toBeGreaterThan(1)
    expect(paths.some((p) => p.startsWith('uploads/documents/'))).toBe(true)
    expect(paths.some((p) => p.startsWith('outbox/'))).toBe(true)
    expect(paths).toContain('secrets/cms.env.enc')
    expect(manifest.files.every((f) => /^[0-9a-f]{64}$/.test(f.sha256))).toBe(true)
    const raw = gunzipSync(readFileSync(archive)).toString('latin1')
    expect(raw).not.toContain('the-original-secret')
    expect(raw).not.toContain('re_original')
  })

  it('the restored CMS really reads the restored database and folders, not the original ones', async () => {
    const db = sideB.payload.db as { clientConfig?: { url: string }; poolOptions?: { connectionString: string } }
    expect(db.clientConfig?.url ?? db.poolOptions?.connectionString).toBe(sideB.install.databaseUrl)
    const media = sideB.payload.config.collections.find((c) => c.slug === 'media')
    expect(media?.upload?.staticDir).toBe(path.join(sideB.install.stores.uploads, 'media'))
    // A change to the original after the backup is not in the restored install.
    await sideA.payload.create({
      collection: 'subscribers',
      overrideAccess: true,
      data: { email: 'after-backup@example.org', status: 'pending', languages: ['en'], locale: 'en' } as never,
    })
    expect((await sideA.payload.count({ collection: 'subscribers' })).totalDocs).toBe(3)
    expect((await sideB.payload.count({ collection: 'subscribers' })).totalDocs).toBe(2)
  })

  it('the restored install answers every REST read of an admin identically', () => {
    expect(Object.keys(sideB.answers)).toEqual(Object.keys(sideA.answers))
    const counted = JSON.parse(sideA.answers[collectionRead('subscribers')]!.slice(4)) as { totalDocs: number }
    expect(counted.totalDocs, 'subscribers').toBe(2)
    for (const read of Object.keys(sideA.answers)) expect(sideB.answers[read], read).toBe(sideA.answers[read])
  })

  it('the site built from the restored install has the same checksums.txt', () => {
    expect(sideA.checksums).toMatch(/[0-9a-f]{64} {2}\S+\.zip/)
    expect(sideB.checksums).toBe(sideA.checksums)
  })

  it('the stored files and, with the passphrase, cms/.env come back byte for byte', async () => {
    for (const store of ['uploads', 'outbox'] as const) {
      const before = await filesUnder(sideA.install.stores[store])
      expect(before.length, store).toBeGreaterThan(0)
      expect(await filesUnder(sideB.install.stores[store])).toEqual(before)
      for (const file of before) {
        const a = readFileSync(path.join(sideA.install.stores[store], file))
        expect(sha256(readFileSync(path.join(sideB.install.stores[store], file))), file).toBe(sha256(a))
      }
    }
    expect(readFileSync(sideB.install.envFile, 'utf8')).toBe(readFileSync(sideA.install.envFile, 'utf8'))
  })

  describe('refusals change nothing', () => {
    const emptyInstall = async (name: string) => {
      const dir = path.join(work, name)
      mkdirSync(dir)
      return installIn(dir, testDatabase === 'postgres' ? restoredDatabase!.url : `file:${path.join(dir, 'db.sqlite')}`)
    }
    const untouched = async (install: Install) => {
      for (const store of ['uploads', 'outbox'] as const) expect(await filesUnder(install.stores[store])).toEqual([])
      if (testDatabase === 'sqlite') expect(await countTables(install.databaseUrl)).toBe(0)
    }

    it('a truncated archive', async () => {
      const cut = path.join(work, 'truncated.tar.gz')
      writeFileSync(cut, readFileSync(archive))
      truncateSync(cut, Math.floor(statSync(cut).size * 0.6))
      const install = await emptyInstall('truncated')
      await expect(restoreBackup(cut, install)).rejects.toThrow(/truncated or damaged\. Nothing was changed/)
      await untouched(install)
    })

    it('an archive with one byte altered, in the compressed stream or in a file under a valid gzip', async () => {
      const flipped = path.join(work, 'flipped.tar.gz')
      const bytes = readFileSync(archive)
      bytes[Math.floor(bytes.length / 2)]! ^= 0x01
      writeFileSync(flipped, bytes)
      const install = await emptyInstall('flipped')
      await expect(restoreBackup(flipped, install)).rejects.toBeInstanceOf(BackupRefused)
      await untouched(install)

      // The same change inside the tar, re-compressed: only the manifest's checksums can tell.
      const tar = gunzipSync(readFileSync(archive))
      const marker = tar.indexOf('reader-one@example.org', 10_000)
      expect(marker).toBeGreaterThan(0)
      tar[marker] = 'R'.charCodeAt(0)
      const altered = path.join(work, 'altered.tar.gz')
      writeFileSync(altered, gzipSync(tar))
      await expect(restoreBackup(altered, install)).rejects.toThrow(/does not match its manifest[\s\S]*SHA-256 differs/)
      await untouched(install)
    })

    it('an install that has data, unless --force; a wrong passphrase', async () => {
      const before = await filesUnder(sideB.install.stores.uploads)
      await expect(restoreBackup(archive, sideB.install)).rejects.toThrow(/already has data[\s\S]*--force/)
      await expect(
        restoreBackup(archive, sideB.install, { force: true, passphrase: 'not the passphrase' }),
      ).rejects.toThrow(/wrong passphrase/)
      expect(await filesUnder(sideB.install.stores.uploads)).toEqual(before)
      expect(await countTables(sideB.install.databaseUrl)).toBeGreaterThan(10)
      // With --force it replaces them (in real use with the CMS stopped).
      await restoreBackup(archive, sideB.install, { force: true })
      expect(await filesUnder(sideB.install.stores.uploads)).toEqual(before)
      expect(await countTables(sideB.install.databaseUrl)).toBeGreaterThan(10)
    })
  })
})
