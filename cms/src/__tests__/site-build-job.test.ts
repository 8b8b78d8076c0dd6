import { mkdtempSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { initI18n } from '@payloadcms/translations'
import type { BeforeListServerProps, Payload } from 'payload'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { LastFailedSiteBuild } from '../components/LastFailedSiteBuild.tsx'
import { siteBuildFailureText } from '../components/siteBuildFailureText.ts'
import { execute, num, queryRows, sql } from '../db/sql.ts'
import { inTransaction } from '../db/transaction.ts'
import { wakeQueueAt } from '../jobs/wakeQueue.ts'
import { cancelHeldSend } from '../mail/cancelHeldSend.ts'
import type { SiteBuild } from '../payload-types.ts'
import { paragraphsToLexical } from '../seed/lexical.ts'
import { readSiteBuildStatus } from '../siteBuild/builder.ts'
import { requestSiteBuild } from '../siteBuild/requestSiteBuild.ts'
import { publicationSendsOf } from '../subscriptions/publication/publicationSendsOf.ts'
import { type StartedPayload, startPayload, testDatabase } from '../testing/payload.ts'
import { type ServedRest, serveRest } from '../testing/serveRest.ts'
import { standInSiteBuildEnv } from './helpers/standInSiteBuild.ts'

/**
 * The rebuildSite job end to end, with a stand-in for the Astro build that reads this CMS over
 * real HTTP (a loopback server in front of the CMS's own REST handlers), and a build hook server.
 */
let started: StartedPayload
let payload: Payload
let dir: string
let cms: ServedRest

function listen(server: Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  )
}
const close = (server: Server) => new Promise((resolve) => server.close(resolve))

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'pressroom-site-job-'))
  started = await startPayload({
    env: standInSiteBuildEnv(dir),
  })
  payload = started.payload
  cms = await serveRest(payload)
  process.env.SITE_BUILD_CMS_URL = cms.url
})
afterAll(async () => {
  await cms?.close()
  await started?.stop()
  rmSync(dir, { recursive: true, force: true })
})
beforeEach(() => {
  delete process.env.SITE_BUILD_HOOK_URL
  delete process.env.STAND_IN_FAIL
})

/** Queues a build due now and runs the site queue as the CMS's runner would. */
async function buildNow(reason: string): Promise<SiteBuild> {
  const queued = await requestSiteBuild(payload, reason)
  await new Promise((resolve) => setTimeout(resolve, 5))
  await payload.jobs.run({ queue: 'site', limit: 1, silent: true })
  return payload.findByID({ collection: 'site-builds', id: queued!.id, depth: 0 })
}

/** Payload's own i18n for one admin language, from the running config, as Payload sets it up per request. */
const adminI18n = (language: 'en' | 'ru') => initI18n({ config: payload.config.i18n, context: 'api', language })

const livePage = () => readFileSync(path.join(dir, 'live/en/index.html'), 'utf8')
const liveTarget = () => {
  try {
    return readlinkSync(path.join(dir, 'live'))
  } catch {
    return null
  }
}

describe(`the rebuildSite job (${testDatabase})`, () => {
  it('builds the site from the CMS over HTTP and switches live to it, recording the build', async () => {
    await payload.updateGlobal({ slug: 'site-settings', data: { organizationName: 'First name' } })
    const first = await buildNow('first build')
    expect(first.status).toBe('succeeded')
    expect(first.pages).toBe(5)
    expect(first.target).toBe('local')
    expect(first.release).toMatch(/^\d{8}-\d{6}-\d{3}-[0-9a-f]{4}$/)
    expect(Date.parse(first.finishedAt!)).toBeGreaterThanOrEqual(Date.parse(first.startedAt!))
    expect(first.durationSeconds).toBeGreaterThanOrEqual(0)
    expect(first.logTail).toContain('Built 5 pages.')
    expect(livePage()).toBe('<h1>First name</h1>')

    await payload.updateGlobal({ slug: 'site-settings', data: { organizationName: 'Second name' } })
    const second = await buildNow('second build')
    expect(second.status).toBe('succeeded')
    expect(readlinkSync(path.join(dir, 'live'))).toBe(path.join('releases', second.release!))
    expect(livePage()).toBe('<h1>Second name</h1>')
    expect((await readSiteBuildStatus(path.join(dir, 'releases'))).lastSucceeded?.release).toBe(second.release)
  })

  it('records a failed build with its log for staff, and keeps the live site', async () => {
    await payload.updateGlobal({ slug: 'site-settings', data: { organizationName: 'Good name' } })
    const good = await buildNow('good build')
    process.env.STAND_IN_FAIL = '1'
    await payload.updateGlobal({ slug: 'site-settings', data: { organizationName: 'Never shown' } })
    const failed = await buildNow('broken build')
    expect(failed.status).toBe('failed')
    expect(failed.error).toMatch(/The site build failed \(exit code 1\)/)
    expect(failed.failure).toEqual({ code: 'exitCode', vars: { exit: 1 } })
    expect(failed.logTail).toMatch(/Error: the stand-in build failed on purpose\.\n$/)
    expect(failed.release).toBeFalsy()
    // The job completed (Payload removes completed jobs) and is not retried; the record stays.
    const jobs = await payload.find({ collection: 'payload-jobs', where: { id: { equals: failed.job } } })
    expect(jobs.totalDocs).toBe(0)
    expect(readlinkSync(path.join(dir, 'live'))).toBe(path.join('releases', good.release!))
    expect(livePage()).toBe('<h1>Good name</h1>')
  })

  it('records why a build failed as a code, which the admin words in Russian above the builds list', async () => {
    const command = process.env.SITE_BUILD_COMMAND
    process.env.SITE_BUILD_COMMAND = 'echo "astro: something technical broke"; exit 3'
    try {
      const failed = await buildNow('build that exits 3')
      expect(failed.status).toBe('failed')
      expect(failed.failure).toEqual({ code: 'exitCode', vars: { exit: 3 } })
      expect(failed.logTail).toContain('astro: something technical broke')

      const russian = await adminI18n('ru')
      const sentence = siteBuildFailureText(russian.t, failed.failure)
      expect(sentence).toBe(
        'Сборка сайта не удалась (код выхода 3). Причина — в конце журнала сборки; устраните её, затем опубликуйте снова или перезапустите CMS.',
      )
      expect(siteBuildFailureText((await adminI18n('en')).t, failed.failure)).toMatch(
        /^The site build failed \(exit code 3\)\./,
      )

      // The box above the list, server-rendered for a Russian admin: our sentence, then the build's own output.
      const box = renderToStaticMarkup(
        (await LastFailedSiteBuild({ payload, i18n: russian } as unknown as BeforeListServerProps))!,
      )
      expect(box).toContain(sentence)
      expect(box).toContain('<strong style="display:block;margin-top:0.75rem">Вывод сборки</strong>')
      expect(box).toContain('astro: something technical broke')
      expect(box).not.toContain('The site build failed')

      // A record from before failure codes: its raw text, under the translated heading.
      expect(siteBuildFailureText(russian.t, null)).toBeNull()
      expect(siteBuildFailureText(russian.t, { code: 'no-such-code', vars: {} })).toBeNull()
    } finally {
      process.env.SITE_BUILD_COMMAND = command
    }
  })

  it('gives the build no secret, and keeps secrets it prints out of the record staff read (docs/adr/0033)', async () => {
    const command = process.env.SITE_BUILD_COMMAND
    const secret = process.env.PAYLOAD_SECRET!
    process.env.SITE_BUILD_COMMAND = `env; echo "read from a file: ${secret}"; ${command}`
    try {
      const build = await buildNow('build that prints its environment')
      expect(build.status).toBe('succeeded')
      expect(build.logTail).toMatch(/^CMS_URL=/m)
      expect(build.logTail).not.toMatch(/^(PAYLOAD_SECRET|DATABASE_URL|SITE_BUILD_COMMAND)=/m)
      expect(build.logTail).not.toContain(secret)
      expect(build.logTail).toContain('read from a file: [secret PAYLOAD_SECRET]')
    } finally {
      process.env.SITE_BUILD_COMMAND = command
    }
  })
})

describe(`the build hook URL (${testDatabase})`, () => {
  let hook: Server
  let received: { method?: string; type?: string; body: any }[] = []
  let answerStatus = 200
  let answerText: string | undefined

  beforeAll(async () => {
    hook = createServer(async (req: IncomingMessage, res) => {
      let body = ''
      for await (const chunk of req) body += chunk
      received.push({ method: req.method, type: req.headers['content-type'], body: JSON.parse(body) })
      res.writeHead(answerStatus, { 'content-type': 'text/plain' })
      res.end(answerText ?? (answerStatus === 200 ? 'queued' : 'deploy hook broken'))
    })
    process.env.HOOK_TEST_URL = `${await listen(hook)}/build-hooks/secret-token`
  })
  afterAll(async () => {
    await close(hook)
  })
  beforeEach(() => {
    received = []
    process.env.SITE_BUILD_HOOK_URL = process.env.HOOK_TEST_URL
  })

  it('POSTs a notice to the hook instead of building here, without the reasons (they name documents)', async () => {
    answerStatus = 200
    const liveBefore = liveTarget()
    const build = await buildNow('published statements/founding-statement')
    expect(build.status).toBe('succeeded')
    expect(build.target).toBe('hook')
    expect(received).toHaveLength(1)
    expect(received[0]?.method).toBe('POST')
    expect(received[0]?.type).toBe('application/json')
    expect(received[0]?.body).toEqual({
      event: 'site.rebuild',
      build: String(build.id),
      requestedAt: build.requestedAt,
      sentAt: expect.any(String),
    })
    // Staff still read why the site was rebuilt.
    expect(build.reasons).toEqual(['published statements/founding-statement'])
    expect(Date.parse(received[0]?.body.sentAt)).not.toBeNaN()
    expect(liveTarget()).toBe(liveBefore)
    // The hook's secret path is not written to the record.
    expect(build.logTail).not.toContain('secret-token')
  })

  it('records a failure when the hook answers 500', async () => {
    answerStatus = 500
    const build = await buildNow('updated site-settings')
    expect(received).toHaveLength(1)
    expect(build.status).toBe('failed')
    expect(build.error).toMatch(/The build hook answered 500/)
    expect(build.failure).toEqual({ code: 'hookAnswered', vars: { status: 500, statusText: 'Internal Server Error' } })
    expect(siteBuildFailureText((await adminI18n('ru')).t, build.failure)).toMatch(
      /^Внешний адрес сборки ответил 500 Internal Server Error\. Проверьте SITE_BUILD_HOOK_URL/,
    )
    expect(build.logTail).toContain('deploy hook broken')
  })

  it('keeps secrets the hook’s answer echoes out of the record staff read (docs/adr/0033)', async () => {
    const planted = 're_planted_key_for_the_log_test_9f2c'
    process.env.RESEND_API_KEY = planted
    answerStatus = 500
    answerText = `deploy hook broken; you called ${process.env.HOOK_TEST_URL}; our side has ${planted}`
    try {
      const build = await buildNow('updated site-settings')
      expect(build.status).toBe('failed')
      expect(build.logTail).not.toContain(planted)
      expect(build.logTail).not.toContain('secret-token')
      expect(build.logTail).toContain('you called [secret SITE_BUILD_HOOK_URL]; our side has [secret RESEND_API_KEY]')
    } finally {
      delete process.env.RESEND_API_KEY
      answerText = undefined
    }
  })
})

/**
 * The link works when the e-mail arrives (docs/adr/0044): a publication's e-mail waits until a
 * site build that started after the change has succeeded here, whatever order the jobs run in; a
 * failed build keeps it waiting and visible to staff; the state is in the database, so a process
 * that stopped between the build and the e-mail loses nothing.
 */
describe(`the publication e-mail waits for its page (${testDatabase})`, () => {
  const saved: Record<string, string | undefined> = {}
  const env = { PUBLICATION_MAIL_WAITS_FOR: 'build', MAIL_OUTBOX_DIR: '' }
  beforeAll(async () => {
    env.MAIL_OUTBOX_DIR = path.join(dir, 'outbox')
    for (const [name, value] of Object.entries(env)) {
      saved[name] = process.env[name]
      process.env[name] = value
    }
    await payload.updateGlobal({ slug: 'site-settings', data: { publicationEmailGraceSeconds: 0 } })
    await payload.create({
      collection: 'subscribers',
      data: { email: 'reader@example.org', status: 'active', locale: 'en', tokenVersion: 1, languages: ['en'] },
    })
  })
  afterAll(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
  })

  const runSiteBuilds = async () => {
    await new Promise((resolve) => setTimeout(resolve, 5))
    await payload.jobs.run({ queue: 'site', limit: 5, silent: true })
  }
  /** The e-mail queue as the CMS's cron runs it: due planning jobs, then a delivery run. */
  const runEmailJobs = async () => {
    await payload.jobs.run({ queue: 'email', limit: 20, silent: true })
    await payload.jobs.queue({ task: 'deliverMail', queue: 'email', input: {} })
    await payload.jobs.run({ queue: 'email', limit: 20, silent: true })
  }
  /** Deliveries of the release's e-mail that left the planned state (handed to the outbox). */
  const handedOver = async (id: number) => {
    const [row] = await queryRows<{ n: unknown }>(
      payload,
      sql`SELECT count(*) AS "n" FROM "deliveries" "d" JOIN "sends" "s" ON "s"."id" = "d"."send_id"
          WHERE "s"."key" LIKE ${`publication:press-releases:${id}:%`} AND "d"."status" NOT IN ('planned', 'cancelled')`,
    )
    return num(row?.n)
  }
  const publish = (title: string) =>
    payload.create({
      collection: 'press-releases',
      locale: 'en',
      data: {
        title,
        summary: 'One sentence.',
        place: 'Moscow',
        date: '2026-03-01T00:00:00.000Z',
        body: paragraphsToLexical(['The release.']),
        _status: 'published',
      },
    })
  const waitingSince = async (id: number) =>
    (await publicationSendsOf(payload, 'press-releases', id))[0]?.waitingForPageSince ?? null

  it('goes only after a build started after the change succeeded; a failed build keeps it waiting, shown to staff', async () => {
    // The tests above left a successful build here; it started before the releases existed.
    const built = await payload.find({
      collection: 'site-builds',
      where: { status: { equals: 'succeeded' }, target: { equals: 'local' } },
      limit: 1,
    })
    expect(built.totalDocs).toBeGreaterThan(0)
    const release = await publish('Live before mail')
    const cancelled = await publish('Cancelled while it waits')

    // The e-mails are planned first: they wait, although a successful build exists.
    await runEmailJobs()
    expect(await handedOver(release.id)).toBe(0)
    expect(await waitingSince(release.id)).not.toBeNull()
    const [toCancel] = await publicationSendsOf(payload, 'press-releases', cancelled.id)
    expect(await cancelHeldSend(payload, toCancel!.id, null)).toBe('cancelled')

    // The build that carries the pages fails: the e-mail still waits, and staff see it wait.
    process.env.STAND_IN_FAIL = '1'
    try {
      await runSiteBuilds()
    } finally {
      delete process.env.STAND_IN_FAIL
    }
    const [last] = (await payload.find({ collection: 'site-builds', sort: '-finishedAt', limit: 1 })).docs
    expect(last?.status).toBe('failed')
    await runEmailJobs()
    expect(await handedOver(release.id)).toBe(0)
    expect(await waitingSince(release.id)).not.toBeNull()

    // The next build succeeds and lets it go at once (the build's own step).
    await payload.update({ collection: 'press-releases', id: release.id, locale: 'en', data: { place: 'Kazan' } })
    await runSiteBuilds()
    expect(await waitingSince(release.id)).toBeNull()

    // As if the process had died right after the build, before that step: the next delivery run
    // sees the live build itself and sends.
    await execute(
      payload,
      sql`UPDATE "sends" SET "waiting_for" = 'site' WHERE "key" LIKE ${`publication:press-releases:${release.id}:%`}`,
    )
    await runEmailJobs()
    expect(await handedOver(release.id)).toBe(1)
    expect(await handedOver(cancelled.id)).toBe(0)
  })

  it('at an embargo’s end goes at once although the build that made its page live succeeded before it was planned', async () => {
    const until = new Date(Date.now() + 1200)
    const release = await payload.create({
      collection: 'press-releases',
      locale: 'en',
      data: {
        title: 'Planned after its build',
        summary: 'One sentence.',
        place: 'Moscow',
        date: '2026-03-01T00:00:00.000Z',
        body: paragraphsToLexical(['The release.']),
        embargoUntil: until.toISOString(),
        _status: 'published',
      },
    })
    await runSiteBuilds() // the save's own build, before the instant: it cannot carry the page
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, until.getTime() - Date.now()) + 20))
    // The build at the instant wins the race: it succeeds (and runs its release step) before the
    // e-mail planned at that same instant exists.
    await runSiteBuilds()
    const [live] = (
      await payload.find({ collection: 'site-builds', where: { status: { equals: 'succeeded' } }, sort: '-finishedAt' })
    ).docs
    expect(Date.parse(live!.startedAt!)).toBeGreaterThanOrEqual(until.getTime())
    expect(await publicationSendsOf(payload, 'press-releases', release.id)).toHaveLength(0)

    // Then the planning job due at the instant runs (as the e-mail queue's wake runs it): its page
    // is live already, so its e-mail must not wait for the next delivery run's release step.
    await payload.jobs.run({ queue: 'email', limit: 20, silent: true })
    const sends = await publicationSendsOf(payload, 'press-releases', release.id)
    expect(sends).toHaveLength(1)
    expect(sends[0]!.waitingForPageSince).toBeNull()
  })

  it('goes when the newest build that started after the change succeeded, whichever build finished last', async () => {
    const release = await publish('Live although an older build finished last')
    await runEmailJobs()
    const since = await waitingSince(release.id)
    expect(since).not.toBeNull()
    // Two builds finish out of the order they started in (two jobs taken together whose builds
    // swapped; a second process building): the one that started after the change and carried the
    // page ends first, one that started before the change ends after it. The builder never puts
    // the older release back live (docs/adr/0019), so the page is live.
    const record = (startedAt: number, finishedAt: number, reason: string) =>
      payload.create({
        collection: 'site-builds',
        data: {
          status: 'succeeded',
          timing: 'debounced',
          target: 'local',
          reasons: [reason],
          summary: reason,
          requestedAt: new Date(startedAt - 10).toISOString(),
          startedAt: new Date(startedAt).toISOString(),
          finishedAt: new Date(finishedAt).toISOString(),
        },
      })
    const at = Date.parse(since!)
    await record(at + 5, Date.now() + 1000, 'started after the change, finished first')
    await record(at - 60_000, Date.now() + 2000, 'started before the change, finished last')
    await runEmailJobs()
    expect(await waitingSince(release.id)).toBeNull()
    expect(await handedOver(release.id)).toBe(1)
  })

  it('a job due at an instant runs then, not at the next cron tick', async () => {
    const at = new Date(Date.now() + 300)
    const job = await payload.jobs.queue({ task: 'deliverMail', queue: 'wake-test', input: {}, waitUntil: at })
    wakeQueueAt(payload, 'wake-test', at, true)
    // Nobody runs the queue here; a completed job is deleted, so its absence says it ran.
    const deadline = Date.now() + 3000
    let ranAt: number | undefined
    while (ranAt === undefined && Date.now() < deadline) {
      const found = await payload.findByID({ collection: 'payload-jobs', id: job.id, depth: 0, disableErrors: true })
      if (!found) ranAt = Date.now()
      else await new Promise((resolve) => setTimeout(resolve, 25))
    }
    expect(ranAt).toBeGreaterThanOrEqual(at.getTime())
    expect(ranAt).toBeLessThan(at.getTime() + 1500)
  })
})

/**
 * No waiting for the clock (issue 17, docs/adr/0044): this Payload was started with the site
 * queue's cron off, so no cron tick exists here; only the wakes (a change committed, a build
 * ended) can run the queue. SITE_BUILD_CRON set to anything but `off` turns the wakes on.
 */
describe(`site builds start without a cron tick (${testDatabase})`, () => {
  const saved = { cron: process.env.SITE_BUILD_CRON, hold: process.env.STAND_IN_HOLD }
  beforeAll(async () => {
    // What the tests above left queued is built first, by hand as there.
    await payload.jobs.run({ queue: 'site', limit: 20, silent: true })
    process.env.SITE_BUILD_CRON = '0 0 1 1 *'
  })
  afterAll(() => {
    for (const [name, value] of [
      ['SITE_BUILD_CRON', saved.cron],
      ['STAND_IN_HOLD', saved.hold],
    ] as const) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
  })

  const buildsSince = async (since: string) =>
    (
      await payload.find({
        collection: 'site-builds',
        where: { requestedAt: { greater_than_equal: since } },
        sort: 'requestedAt',
        limit: 50,
        depth: 0,
      })
    ).docs
  /** Polls until `done` holds for the builds requested since `since` (a wake, not the test, runs them). */
  const until = async (since: string, done: (builds: SiteBuild[]) => boolean, timeoutMs = 8000) => {
    const end = Date.now() + timeoutMs
    for (;;) {
      const builds = await buildsSince(since)
      if (done(builds) || Date.now() > end) return builds
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }
  const finished = (build?: SiteBuild) => build?.status === 'succeeded' || build?.status === 'failed'

  it('starts the first change’s build at once, queued due now', async () => {
    const since = new Date().toISOString()
    const changed = Date.now()
    await payload.updateGlobal({ slug: 'site-settings', data: { organizationName: 'Built at once' } })
    const [queued] = await buildsSince(since)
    expect(Date.parse(queued!.notBefore!)).toBeLessThanOrEqual(Date.now())
    expect(Date.parse(queued!.notBefore!)).toBeGreaterThanOrEqual(changed)

    const [build] = await until(since, (builds) => finished(builds[0]))
    expect(build).toMatchObject({ id: queued!.id, status: 'succeeded', reasons: ['updated site-settings'] })
    // Started by the wake after the save committed, not after a debounce or a tick.
    expect(Date.parse(build!.startedAt!) - changed).toBeLessThan(1000)
    expect(livePage()).toBe('<h1>Built at once</h1>')
  })

  it('starts a build only once the change it carries has committed, and then at once', async () => {
    const since = new Date().toISOString()
    const started = { where: { requestedAt: { greater_than_equal: since }, status: { not_equals: 'queued' } } }
    let run: Promise<unknown> | undefined
    await inTransaction(payload, async (req) => {
      await payload.updateGlobal({ slug: 'site-settings', data: { organizationName: 'Committed first' }, req })
      // The runner looks while the save is still open (on PostgreSQL it sees the queued job).
      run = payload.jobs.run({ queue: 'site', limit: 1, silent: true })
      await new Promise((resolve) => setTimeout(resolve, 250))
      expect((await payload.count({ collection: 'site-builds', ...started })).totalDocs).toBe(0)
    })
    const committed = Date.now()
    await run
    const [build] = await until(since, (builds) => finished(builds[0]))
    expect(build?.status).toBe('succeeded')
    expect(Date.parse(build!.startedAt!)).toBeGreaterThanOrEqual(committed - 5)
    expect(Date.parse(build!.startedAt!) - committed).toBeLessThan(1000)
    expect(livePage()).toBe('<h1>Committed first</h1>')
  })

  it('gathers ten quick changes made while a build runs into one next build, started as the first ends', async () => {
    // The first build runs until the test lets it end, however slow the saves below are.
    const hold = path.join(dir, `hold-${Date.now()}`)
    process.env.STAND_IN_HOLD = hold
    const since = new Date().toISOString()
    await payload.updateGlobal({ slug: 'site-settings', data: { organizationName: 'First of the run' } })
    const [first] = await until(since, (builds) => builds[0]?.status === 'running')
    expect(first?.status).toBe('running')

    const topics: string[] = []
    for (let i = 1; i <= 10; i++) {
      const slug = `coalesced-${Date.now()}-${i}`
      topics.push(`added topics/${slug}`)
      await payload.create({ collection: 'topics', data: { title: `Coalesced ${i}`, slug } })
    }
    await payload.updateGlobal({ slug: 'site-settings', data: { organizationName: 'Last of the run' } })
    await new Promise((resolve) => setTimeout(resolve, 200))
    // Nothing else started meanwhile: one build running, one waiting with every change.
    const during = await buildsSince(since)
    expect(during.map((build) => build.status)).toEqual(['running', 'queued'])
    expect(during[1]?.reasons).toEqual([...topics, 'updated site-settings'])
    writeFileSync(hold, '')

    const builds = await until(since, (all) => all.length >= 2 && all.every(finished))
    expect(builds).toHaveLength(2)
    const [done, next] = builds
    expect(done).toMatchObject({ id: first!.id, status: 'succeeded' })
    expect(next).toMatchObject({ id: during[1]!.id, status: 'succeeded' })
    expect(next?.reasons).toEqual([...topics, 'updated site-settings'])
    const gap = Date.parse(next!.startedAt!) - Date.parse(done!.finishedAt!)
    expect(gap).toBeGreaterThanOrEqual(0)
    expect(gap).toBeLessThan(1000)
    expect(livePage()).toBe('<h1>Last of the run</h1>')
  })
})
