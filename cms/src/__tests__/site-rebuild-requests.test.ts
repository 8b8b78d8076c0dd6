import type { Payload } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { SiteBuild } from '../payload-types.ts'
import { requestSiteBuild } from '../siteBuild/requestSiteBuild.ts'
import { createStaff, type StartedPayload, staffPassword, startPayload, testDatabase } from '../testing/payload.ts'
import { httpClient } from './helpers/http.ts'

/**
 * Which changes queue a site build, and how requests that arrive before it starts join one job
 * due now (docs/adr/0044). The runner is off (SITE_BUILD_CRON=off, and with it the wakes), so
 * queued jobs stay queued and can be counted.
 */
let started: StartedPayload
let payload: Payload

beforeAll(async () => {
  started = await startPayload({
    env: {
      SITE_BUILD: 'on',
      SITE_BUILD_CRON: 'off',
    },
  })
  payload = started.payload
})
afterAll(async () => {
  await started?.stop()
})

async function clearBuilds() {
  await payload.delete({ collection: 'payload-jobs', where: { taskSlug: { equals: 'rebuildSite' } } })
  await payload.delete({ collection: 'site-builds', where: { id: { exists: true } } })
}

beforeEach(async () => {
  process.env.SITE_BUILD = 'on'
  await clearBuilds()
})

async function queuedJobs() {
  const jobs = await payload.find({
    collection: 'payload-jobs',
    where: { taskSlug: { equals: 'rebuildSite' }, completedAt: { exists: false } },
    sort: 'waitUntil',
    limit: 100,
    depth: 0,
  })
  return jobs.docs
}

async function builds(): Promise<SiteBuild[]> {
  return (await payload.find({ collection: 'site-builds', sort: 'requestedAt', limit: 100, depth: 0 })).docs
}

let slugCounter = 0
async function publishedStatement() {
  slugCounter += 1
  const doc = await payload.create({
    collection: 'statements',
    data: { title: 'On the mission', slug: `on-the-mission-${slugCounter}`, date: '2026-03-01', _status: 'published' },
  })
  await clearBuilds()
  return doc
}

describe(`site build requests (${testDatabase})`, () => {
  it('turns ten edits of a published statement in a row into one queued build', async () => {
    const doc = await publishedStatement()
    const before = Date.now()
    for (let i = 1; i <= 10; i++) {
      await payload.update({ collection: 'statements', id: doc.id, data: { title: `On the mission, edit ${i}` } })
    }
    const jobs = await queuedJobs()
    expect(jobs).toHaveLength(1)
    expect(jobs[0]?.queue).toBe('site')
    const [build] = await builds()
    expect(build?.status).toBe('queued')
    expect(build?.reasons).toEqual([`updated statements/${doc.slug}`])
    expect(build?.job).toBe(String(jobs[0]?.id))
    // Due from the first edit on, and no edit pushed it back (no debounce: docs/adr/0044).
    const waitUntil = Date.parse(jobs[0]!.waitUntil!)
    expect(waitUntil).toBeGreaterThanOrEqual(before)
    expect(waitUntil).toBeLessThanOrEqual(Date.parse(build!.requestedAt))
    expect(build?.notBefore).toBe(jobs[0]?.waitUntil)
  })

  it('queues a build on first publication, and lists every change the build covers', async () => {
    const draft = await payload.create({
      collection: 'notices',
      data: { title: 'A notice', slug: 'a-notice', date: '2026-03-02', _status: 'draft' },
    })
    expect(await queuedJobs()).toHaveLength(0)
    await payload.update({ collection: 'notices', id: draft.id, data: { _status: 'published' } })
    await payload.create({ collection: 'topics', data: { title: 'Families', slug: 'families' } })
    await payload.updateGlobal({ slug: 'site-settings', data: { organizationName: 'Global Citizens' } })
    expect(await queuedJobs()).toHaveLength(1)
    const [build] = await builds()
    expect(build?.reasons).toEqual(['published notices/a-notice', 'added topics/families', 'updated site-settings'])
    expect(build?.summary).toBe('published notices/a-notice (+2 more)')
  })

  it('queues nothing for a draft save of a published document, or for a new draft', async () => {
    const doc = await publishedStatement()
    await payload.update({ collection: 'statements', id: doc.id, draft: true, data: { title: 'Draft wording' } })
    await payload.create({ collection: 'statements', draft: true, data: { title: 'New draft', _status: 'draft' } })
    expect(await queuedJobs()).toHaveLength(0)
    expect(await builds()).toHaveLength(0)
    // The draft save really left the published version alone.
    const live = await payload.find({
      collection: 'statements',
      where: { id: { equals: doc.id } },
      overrideAccess: false,
    })
    expect(live.docs[0]?.title).toBe('On the mission')
  })

  it('queues one build for an unpublish, also when a newer draft exists', async () => {
    const doc = await publishedStatement()
    await payload.update({ collection: 'statements', id: doc.id, draft: true, data: { title: 'Draft wording' } })
    await payload.update({ collection: 'statements', id: doc.id, data: { _status: 'draft' } })
    const jobs = await queuedJobs()
    expect(jobs).toHaveLength(1)
    expect((await builds())[0]?.reasons).toEqual([`unpublished statements/${doc.slug}`])
    const live = await payload.find({
      collection: 'statements',
      where: { id: { equals: doc.id } },
      overrideAccess: false,
    })
    expect(live.totalDocs).toBe(0)
  })

  it('queues a build when restoring a draft version unpublishes a published document', async () => {
    const doc = await publishedStatement()
    await payload.update({ collection: 'statements', id: doc.id, draft: true, data: { title: 'Draft wording' } })
    const { docs: versions } = await payload.findVersions({
      collection: 'statements',
      where: { and: [{ parent: { equals: doc.id } }, { 'version._status': { equals: 'draft' } }] },
      sort: '-updatedAt',
      limit: 1,
    })
    expect(await queuedJobs()).toHaveLength(0)
    // Restored over the live document, the draft version unpublishes it (the newest version was
    // already a draft, so afterChange alone cannot tell): the site must follow.
    await payload.restoreVersion({ collection: 'statements', id: versions[0]!.id })
    const live = await payload.find({
      collection: 'statements',
      where: { id: { equals: doc.id } },
      overrideAccess: false,
    })
    expect(live.totalDocs).toBe(0)
    expect(await queuedJobs()).toHaveLength(1)
    expect((await builds())[0]?.reasons).toEqual([`unpublished statements/${doc.slug}`])
  })

  it('queues a build when a published document is deleted, not when a draft is', async () => {
    const draft = await payload.create({ collection: 'notices', data: { title: 'Never public', _status: 'draft' } })
    await payload.delete({ collection: 'notices', id: draft.id })
    expect(await queuedJobs()).toHaveLength(0)
    const doc = await publishedStatement()
    await payload.delete({ collection: 'statements', id: doc.id })
    expect(await queuedJobs()).toHaveLength(1)
    expect((await builds())[0]?.reasons).toEqual([`deleted statements/${doc.slug}`])

    // Published, with a newer draft on top: still public, so its deletion shows on the site.
    const edited = await publishedStatement()
    await payload.update({ collection: 'statements', id: edited.id, draft: true, data: { title: 'Draft wording' } })
    await payload.delete({ collection: 'statements', id: edited.id })
    expect((await builds())[0]?.reasons).toEqual([`deleted statements/${edited.slug}`])
  })

  it('queues a build for the end of an embargo, apart from the debounced one', async () => {
    const embargoUntil = new Date(Date.now() + 3_600_000)
    embargoUntil.setMilliseconds(0)
    const release = await payload.create({
      collection: 'press-releases',
      data: {
        title: 'Embargoed release',
        slug: 'embargoed-release',
        date: '2026-03-03',
        embargoUntil: embargoUntil.toISOString(),
        _status: 'published',
      },
    })
    // A correction before the embargo ends joins the same embargo build, not a new one.
    await payload.update({ collection: 'press-releases', id: release.id, data: { summary: 'Corrected' } })
    const jobs = await queuedJobs()
    expect(jobs).toHaveLength(2)
    expect(jobs.map((job) => job.waitUntil)).toContain(embargoUntil.toISOString())
    const scheduled = (await builds()).filter((build) => build.timing === 'scheduled')
    expect(scheduled).toHaveLength(1)
    expect(scheduled[0]?.notBefore).toBe(embargoUntil.toISOString())
    expect(scheduled[0]?.reasons).toEqual(['embargo ends for press-releases/embargoed-release'])
    const debounced = (await builds()).filter((build) => build.timing === 'debounced')
    expect(debounced[0]?.reasons).toEqual([
      'published press-releases/embargoed-release',
      'updated press-releases/embargoed-release',
    ])
  })

  it('joins changes to the queued build without moving its start, and brings an old later start forward to now', async () => {
    const first = await requestSiteBuild(payload, 'change one')
    expect(Date.parse(first!.notBefore!)).toBeLessThanOrEqual(Date.now())
    await new Promise((resolve) => setTimeout(resolve, 50))
    const second = await requestSiteBuild(payload, 'change two')
    expect(second?.id).toBe(first?.id)
    expect(second?.notBefore).toBe(first?.notBefore)

    // A build queued for later (by a CMS that still debounced) starts now once a change joins it.
    const later = new Date(Date.now() + 60_000).toISOString()
    await payload.update({ collection: 'site-builds', id: first!.id, data: { notBefore: later } })
    await payload.update({ collection: 'payload-jobs', id: first!.job!, data: { waitUntil: later } })
    const before = Date.now()
    const third = await requestSiteBuild(payload, 'change three')
    expect(Date.parse(third!.notBefore!)).toBeGreaterThanOrEqual(before)
    expect(Date.parse(third!.notBefore!)).toBeLessThanOrEqual(Date.now())
    expect(third?.reasons).toEqual(['change one', 'change two', 'change three'])
    const jobs = await queuedJobs()
    expect(jobs).toHaveLength(1)
    expect(jobs[0]?.waitUntil).toBe(third?.notBefore)
  })

  it('merges what waited into the build the CMS asks for when it starts', async () => {
    const before = Date.now()
    await requestSiteBuild(payload, 'seeded statements/founding-statement')
    const build = await requestSiteBuild(payload, 'CMS started')
    expect(build?.reasons).toEqual(['seeded statements/founding-statement', 'CMS started'])
    expect(Date.parse(build!.notBefore!)).toBeLessThanOrEqual(Date.now())
    expect(Date.parse(build!.notBefore!)).toBeGreaterThanOrEqual(before)
    expect(await queuedJobs()).toHaveLength(1)
  })

  it('queues nothing with SITE_BUILD=off', async () => {
    process.env.SITE_BUILD = 'off'
    const doc = await payload.create({
      collection: 'statements',
      data: { title: 'Quiet', slug: 'quiet', date: '2026-03-04', _status: 'published' },
    })
    await payload.update({ collection: 'statements', id: doc.id, data: { _status: 'draft' } })
    expect(await requestSiteBuild(payload, 'anything')).toBeNull()
    expect(await queuedJobs()).toHaveLength(0)
    expect(await builds()).toHaveLength(0)
  })

  it('shows build records to staff only, and lets nobody write them over the API', async () => {
    await requestSiteBuild(payload, 'a change')
    const http = httpClient(payload)
    const translator = await createStaff(payload, 'translator')
    const admin = await createStaff(payload, 'admin')
    const translatorToken = await http.login(translator.email, staffPassword)
    const adminToken = await http.login(admin.email, staffPassword)

    expect((await http.get('/site-builds')).status).toBe(403)
    const listed = await http.get('/site-builds', { token: translatorToken })
    expect(listed.status).toBe(200)
    expect(listed.json.docs[0].reasons).toEqual(['a change'])

    const id = listed.json.docs[0].id
    const created = await http.post(
      '/site-builds',
      { status: 'succeeded', timing: 'debounced', requestedAt: new Date().toISOString() },
      { token: adminToken },
    )
    expect(created.status).toBe(403)
    expect((await http.patch(`/site-builds/${id}`, { status: 'succeeded' }, { token: adminToken })).status).toBe(403)
    expect((await http.delete(`/site-builds/${id}`, { token: adminToken })).status).toBe(403)
    expect((await builds())[0]?.status).toBe('queued')
  })
})
