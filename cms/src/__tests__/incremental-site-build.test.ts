import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execute, sql } from '../db/sql.ts'
import { paragraphsToLexical } from '../seed/lexical.ts'
import { createSiteBuilder, type SiteBuilder } from '../siteBuild/builder.ts'
import { type StartedPayload, startPayload, testDatabase } from '../testing/payload.ts'
import { type ServedRest, serveRest } from '../testing/serveRest.ts'
import { treeDifferences } from './helpers/siteTrees.ts'

/**
 * Incremental site builds (docs/adr/0051): after each group of changes staff make in the CMS, the
 * real Astro build that reuses the last build's caches (pages whose cacheKey is unchanged are copied,
 * not rendered) writes exactly the files a build from empty caches writes, byte for byte. A cacheKey
 * that misses something a page shows leaves that page stale, and this test fails naming it.
 */
const siteDir = path.resolve(import.meta.dirname, '../../../site')
const minutes = 60_000
let started: StartedPayload
let payload: Payload
let cms: ServedRest
let dir: string
let incremental: SiteBuilder
let fullBuilds = 0

type Collection = 'statements' | 'press-releases' | 'notices'
const ids: Record<string, number> = {}

function builder(name: string): SiteBuilder {
  return createSiteBuilder({
    siteDir,
    releasesDir: path.join(dir, name, 'releases'),
    liveLink: path.join(dir, name, 'live'),
    env: {
      CMS_URL: cms.url,
      PUBLIC_CMS_URL: cms.url,
      SITE_URL: 'http://localhost:4321',
      SITE_BASE: '/',
      SITE_CACHE_DIR: path.join(dir, name, 'files'),
      SITE_ASTRO_CACHE_DIR: path.join(dir, name, 'astro'),
    },
  })
}

/** How many pages the last incremental build copied from the build before. */
let copied = 0
async function built(site: SiteBuilder, what: string): Promise<string> {
  const result = await site.build()
  if (result.status !== 'succeeded') throw new Error(`The ${what} build failed: ${result.error}\n${result.logTail}`)
  // What src/integrations/pressroom.ts says at the end of the build.
  if (site === incremental) copied = Number(/(\d+) copied from the last build/.exec(result.logTail)?.[1] ?? Number.NaN)
  return result.release!
}

/** Builds incrementally and from scratch, lists every file that differs and says how many pages were copied. */
async function compare(what: string): Promise<{ differences: string[]; reused: number }> {
  const name = `full-${++fullBuilds}`
  // Side by side, as the SQLite and PostgreSQL leak audits build: each has its own caches and output.
  const [warm, cold] = await Promise.all([
    built(incremental, `incremental (${what})`),
    built(builder(name), `full (${what})`),
  ])
  const differences = treeDifferences(
    path.join(dir, name, 'releases', cold),
    path.join(dir, 'incremental', 'releases', warm),
  )
  // Only the last full build is needed; each costs disk.
  rmSync(path.join(dir, name), { recursive: true, force: true })
  return { differences, reused: copied }
}

const text = (words: string) => ({
  title: words,
  summary: `Summary of ${words}.`,
  place: 'Tel Aviv',
  body: paragraphsToLexical([`The text of ${words}.`, 'A second paragraph.']),
})

/** A body with an internal link: the page shows where it leads, or a plain text once the target is gone. */
function bodyLinkingTo(relationTo: Collection, id: number) {
  const body = paragraphsToLexical(['See also:'])
  ;(body.root.children[0]!.children as unknown[]).push({
    type: 'link',
    version: 3,
    fields: { linkType: 'internal', newTab: false, doc: { relationTo, value: id } },
    children: [
      { type: 'text', text: 'the other release', format: 0, detail: 0, mode: 'normal', style: '', version: 1 },
    ],
    format: '',
    indent: 0,
    direction: 'ltr',
  })
  return body
}

type Rows = { signatories?: { id: string }[]; addressees?: { id: string }[] }
/** The fields each kind requires, in one language (rows of the other language's document keep their ids). */
function perKind(collection: Collection, words: string, rows?: Rows) {
  if (collection === 'statements')
    return { signatories: [{ id: rows?.signatories?.[0]?.id, name: `Signatory ${words}`, role: 'Role' }] }
  if (collection === 'notices')
    return { addressees: [{ id: rows?.addressees?.[0]?.id, group: `Everyone ${words}` }], formalClosing: words }
  return {}
}

async function publication(key: string, collection: Collection, extra: Record<string, unknown> = {}) {
  const doc = (await payload.create({
    collection,
    locale: 'en',
    data: {
      ...text(`${key} in English`),
      ...perKind(collection, 'en'),
      slug: key,
      date: '2026-03-02T09:00:00.000Z',
      _status: 'published',
      ...extra,
    } as never,
  })) as unknown as Rows & { id: number }
  await payload.update({
    collection,
    id: doc.id,
    locale: 'ru',
    data: { ...text(`${key} по-русски`), ...perKind(collection, 'ru', doc), _status: 'published' } as never,
  })
  ids[key] = doc.id as number
  return doc.id as number
}

// Five real Astro builds: run once, on SQLite. What is compared is the site the build writes from the
// CMS's public API, which answers alike on both databases (the leak audit builds the site on both).
describe.skipIf(testDatabase === 'postgres')('an incremental site build equals a build from scratch', () => {
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'pressroom-incremental-'))
    started = await startPayload({ env: { SITE_BUILD: 'off' } })
    payload = started.payload
    cms = await serveRest(payload)
    incremental = builder('incremental')

    const topic = await payload.create({
      collection: 'topics',
      locale: 'en',
      data: { title: 'Exchanges', slug: 'exchanges' },
    })
    ids.topic = topic.id as number
    const release = await publication('first-release', 'press-releases', { topics: [topic.id] })
    await publication('founding-statement', 'statements', { topics: [topic.id] })
    await publication('first-notice', 'notices')
    const doomed = await publication('doomed-release', 'press-releases')
    await publication('linking-statement', 'statements', { body: bodyLinkingTo('press-releases', doomed) })
    await publication('withdrawn-statement', 'statements')
    const embargoed = await publication('embargoed-release', 'press-releases', {
      embargoUntil: new Date(Date.now() + 30 * 24 * 60 * minutes).toISOString(),
      topics: [topic.id],
    })
    const kit = await payload.create({
      collection: 'press-kits',
      locale: 'en',
      data: {
        title: 'The campaign kit',
        description: 'Everything about the campaign.',
        slug: 'campaign',
        publications: [
          { relationTo: 'press-releases', value: release },
          { relationTo: 'press-releases', value: embargoed },
        ],
      } as never,
    })
    ids.kit = kit.id as number
    await built(incremental, 'first')
  }, 5 * minutes)

  afterAll(async () => {
    await cms?.close()
    await started?.stop()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it(
    'after a publication, a correction, an unpublication, a deletion and an embargo end',
    async () => {
      // Only publications change: the site digest stays, so every other page is copied from the last build.
      await publication('new-statement', 'statements', { topics: [ids.topic] })
      await payload.update({
        collection: 'press-releases',
        id: ids['first-release']!,
        locale: 'en',
        data: { title: 'first-release in English, corrected', _status: 'published' } as never,
      })
      await payload.update({
        collection: 'statements',
        id: ids['withdrawn-statement']!,
        data: { _status: 'draft' } as never,
      })
      await payload.delete({ collection: 'press-releases', id: ids['doomed-release']! })
      // The embargo ends as time passes: the document itself does not change (its updatedAt stays).
      await execute(
        payload,
        sql`UPDATE press_releases SET embargo_until = ${new Date(Date.now() - minutes).toISOString()} WHERE id = ${ids['embargoed-release']}`,
      )
      const { differences, reused } = await compare('publish, correct, unpublish, delete, embargo end')
      expect(differences).toEqual([])
      // The comparison proves something only if the incremental build did copy pages.
      expect(reused, 'the incremental build copied no page from the last build').toBeGreaterThan(10)
    },
    5 * minutes,
  )

  it(
    'after a press kit changes, a topic is renamed and the site settings change',
    async () => {
      await payload.update({
        collection: 'press-kits',
        id: ids.kit!,
        locale: 'en',
        data: { description: 'Everything about the campaign, updated.' } as never,
      })
      await payload.update({
        collection: 'topics',
        id: ids.topic!,
        locale: 'en',
        data: { title: 'Prisoner exchanges' },
      })
      await payload.updateGlobal({
        slug: 'site-settings',
        locale: 'en',
        data: { organizationName: 'A renamed initiative' },
      })
      expect((await compare('kit change, topic rename, site settings change')).differences).toEqual([])
    },
    5 * minutes,
  )
})
