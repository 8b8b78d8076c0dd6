import { mkdtempSync, readFileSync, readlinkSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { num, queryRows, sql } from '../db/sql.ts'
import { sweepStaleJobs } from '../jobs/index.ts'
import { resumeInterruptedPlanning } from '../notices/dispatch/resumeInterruptedPlanning.ts'
import type { SiteBuild } from '../payload-types.ts'
import { requestSiteBuild } from '../siteBuild/requestSiteBuild.ts'
import {
  createStaff,
  type StaffUser,
  type StartedPayload,
  staffPassword,
  startPayload,
  testDatabase,
} from '../testing/payload.ts'
import { type ServedRest, serveRest } from '../testing/serveRest.ts'
import { createDispatchAs, dispatchLog } from './helpers/dispatches.ts'
import { httpClient } from './helpers/http.ts'
import { standInSiteBuildEnv } from './helpers/standInSiteBuild.ts'

/**
 * Each task is safe to run again when its job is taken over after its process stopped
 * (docs/adr/0026): a site build left running is built again (or recorded as covered by a later
 * build), a scheduled publication that already happened is not repeated, and a dispatch whose
 * planning stopped is planned to the end, once. The states are those a killed process leaves;
 * scripts/src/__tests__/crash.e2e.test.ts produces them by killing the real server.
 */
let started: StartedPayload
let payload: Payload
let dir: string
let cms: ServedRest
let editor: StaffUser

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'pressroom-takeover-'))
  started = await startPayload({
    env: {
      JOBS_LEASE_SECONDS: '1',
      ...standInSiteBuildEnv(dir),
      STAND_IN_RECORD: path.join(dir, 'builds.txt'),
    },
  })
  payload = started.payload
  cms = await serveRest(payload)
  process.env.SITE_BUILD_CMS_URL = cms.url
  editor = await createStaff(payload, 'editor')
})

afterAll(async () => {
  await cms?.close()
  await started?.stop()
  rmSync(dir, { recursive: true, force: true })
})

const longAgo = (minutes = 10) => new Date(Date.now() - minutes * 60_000).toISOString()

/** As a process killed in the middle of the job leaves it: processing, its heartbeat long stopped. */
async function leaveRunning(jobId: number | string) {
  await queryRows(
    payload,
    sql`UPDATE "payload_jobs" SET "processing" = ${true}, "updated_at" = ${longAgo()} WHERE "id" = ${num(jobId)} RETURNING "id"`,
  )
}

const buildsRun = () => readFileSync(path.join(dir, 'builds.txt'), 'utf8').trim().split('\n').filter(Boolean).length
const siteBuild = (id: number) => payload.findByID({ collection: 'site-builds', id, depth: 0 })

/** A build record and its job as a CMS that stopped in the middle of the build leaves them. */
async function buildLeftRunning(reason: string): Promise<SiteBuild> {
  const build = (await requestSiteBuild(payload, reason))!
  await leaveRunning(build.job!)
  return payload.update({
    collection: 'site-builds',
    id: build.id,
    data: { status: 'running', startedAt: longAgo(5) },
    depth: 0,
  })
}

describe(`taking over each kind of job (${testDatabase})`, () => {
  it('rebuildSite: a build left running by a stopped process is built again', async () => {
    await payload.updateGlobal({ slug: 'site-settings', data: { organizationName: 'Built after the crash' } })
    const build = await buildLeftRunning('published after the crash')
    expect(await sweepStaleJobs(payload)).toMatchObject({ requeued: [num(build.job)] })
    await payload.jobs.run({ queue: 'site', limit: 1, silent: true })

    const rebuilt = await siteBuild(build.id)
    expect(rebuilt.status).toBe('succeeded')
    expect(Date.parse(rebuilt.startedAt!)).toBeGreaterThan(Date.parse(build.startedAt!))
    expect(readlinkSync(path.join(dir, 'live'))).toBe(path.join('releases', rebuilt.release!))
    expect(readFileSync(path.join(dir, 'live/en/index.html'), 'utf8')).toBe('<h1>Built after the crash</h1>')
  })

  it('rebuildSite: an interrupted build whose changes a later build published is recorded as covered, not built again', async () => {
    const interrupted = await buildLeftRunning('interrupted change')
    // The CMS started again and built everything before the lease of the old job ran out.
    const later = (await requestSiteBuild(payload, 'CMS started'))!
    await new Promise((resolve) => setTimeout(resolve, 5))
    await payload.jobs.run({ queue: 'site', limit: 1, silent: true })
    expect((await siteBuild(later.id)).status).toBe('succeeded')
    const builds = buildsRun()

    expect(await sweepStaleJobs(payload)).toMatchObject({ requeued: [num(interrupted.job)] })
    await payload.jobs.run({ queue: 'site', limit: 1, silent: true })
    expect(buildsRun()).toBe(builds)
    const covered = await siteBuild(interrupted.id)
    expect(covered).toMatchObject({ status: 'succeeded', release: (await siteBuild(later.id)).release })
    expect(covered.logTail).toContain(`build ${later.id}, started after it, published these changes`)
    expect(covered.logTail).toContain(`сборка ${later.id}, начатая позже`)
  })

  it('schedulePublish: taken over before it published, it publishes', async () => {
    const doc = await payload.create({
      collection: 'statements',
      data: { title: 'Scheduled, the CMS stopped at the moment', _status: 'draft' },
    })
    const job = await payload.jobs.queue({
      task: 'schedulePublish',
      waitUntil: new Date(Date.now() - 1000),
      input: { type: 'publish', doc: { relationTo: 'statements', value: doc.id } },
    })
    await leaveRunning(job.id)
    expect(await sweepStaleJobs(payload)).toMatchObject({ requeued: [job.id] })
    await payload.jobs.run({ queue: 'default', silent: true })
    const live = await payload.findByID({ collection: 'statements', id: doc.id, draft: false })
    expect(live).toMatchObject({ _status: 'published', title: 'Scheduled, the CMS stopped at the moment' })
  })

  it('schedulePublish: taken over after it published, it does not publish the draft saved since', async () => {
    const doc = await payload.create({
      collection: 'statements',
      data: { title: 'Scheduled text', _status: 'draft' },
    })
    const job = await payload.jobs.queue({
      task: 'schedulePublish',
      waitUntil: new Date(Date.now() - 1000),
      input: { type: 'publish', doc: { relationTo: 'statements', value: doc.id } },
    })
    // The job published, and its process stopped before Payload recorded the job as done.
    await leaveRunning(job.id)
    await payload.update({ collection: 'statements', id: doc.id, data: { _status: 'published' } })
    // Staff then start the next revision as a draft.
    await payload.update({ collection: 'statements', id: doc.id, draft: true, data: { title: 'Unfinished revision' } })

    expect(await sweepStaleJobs(payload)).toMatchObject({ requeued: [job.id] })
    await payload.jobs.run({ queue: 'default', silent: true })
    expect(await payload.find({ collection: 'payload-jobs', where: { id: { equals: job.id } } })).toMatchObject({
      totalDocs: 0,
    })
    const live = await payload.findByID({ collection: 'statements', id: doc.id, draft: false })
    expect(live.title).toBe('Scheduled text')
    const draft = await payload.findByID({ collection: 'statements', id: doc.id, draft: true })
    expect(draft.title).toBe('Unfinished revision')
  })

  it('dispatch planning: a plan stopped with its process is completed once its lease ran out, never while it is fresh', async () => {
    const notice = await payload.create({
      collection: 'notices',
      data: { title: 'Notice planned during a crash', _status: 'published' },
    })
    const group = await payload.create({ collection: 'distribution-groups', data: { name: 'Crash group' } })
    const members = []
    for (const n of [1, 2, 3]) {
      members.push(
        await payload.create({
          collection: 'recipients',
          locale: 'en',
          data: {
            kind: 'embassy',
            name: `Embassy ${n}`,
            country: 'DE',
            emails: [{ address: `embassy-${n}@example.org` }],
            groups: [group.id],
          } as never,
        }),
      )
    }
    const dispatch = await createDispatchAs(payload, editor, { notice: notice.id, groups: [group.id] })
    // Staff saw the counts and confirmed them before the planner was killed (the lease is short here).
    const http = httpClient(payload)
    const token = await http.login(editor.email, staffPassword)
    const counts = await http.get(`/dispatches/${dispatch.id}/recipient-counts`, { token })
    // What a planner killed after its first row leaves: `planning`, one row of three, and that row
    // without its address list (SQLite writes it after the row).
    await queryRows(
      payload,
      sql`UPDATE "dispatches" SET "status" = 'planning', "updated_at" = ${new Date().toISOString()} WHERE "id" = ${dispatch.id} RETURNING "id"`,
    )
    await payload.create({
      collection: 'dispatch-recipients',
      data: {
        dispatch: dispatch.id,
        notice: notice.id,
        recipient: members[0]!.id,
        recipientName: 'Embassy 1',
        channel: 'email',
        language: 'en',
        status: 'queued',
        attempt: 1,
        queuedAt: longAgo(),
        mailDeliveryKey: `notice-dispatch:${dispatch.id}:${members[0]!.id}:1`,
      },
    })

    // While its lease is fresh, nobody else plans it: not the sweeper, not staff pressing "Plan".
    expect(await resumeInterruptedPlanning(payload)).toBe(0)
    const early = await http.post(
      `/dispatches/${dispatch.id}/plan`,
      { confirmation: counts.json.confirmation },
      { token },
    )
    expect(early.status).toBe(409)
    expect(early.json.errors[0].message).toMatch(/being planned right now/)
    expect(await dispatchLog(payload, dispatch.id, 'id')).toHaveLength(1)

    await queryRows(
      payload,
      sql`UPDATE "dispatches" SET "updated_at" = ${longAgo()} WHERE "id" = ${dispatch.id} RETURNING "id"`,
    )
    expect(await resumeInterruptedPlanning(payload)).toBe(1)
    const rows = await dispatchLog(payload, dispatch.id, 'id')
    expect(rows.map((r) => r.recipientName).sort()).toEqual(['Embassy 1', 'Embassy 2', 'Embassy 3'])
    expect(rows.map((r) => r.emailAddresses)).toEqual([1, 2, 3].map((n) => [`embassy-${n}@example.org`]))
    const planned = await payload.findByID({ collection: 'dispatches', id: dispatch.id, depth: 0 })
    expect(planned).toMatchObject({ status: 'sending', recipientCount: 3 })
    // Every e-mail row, the one from before the crash too, is handed to the delivery core once.
    const sends = await queryRows<{ key: string }>(
      payload,
      sql`SELECT "key" FROM "sends" WHERE "key" LIKE ${`notice-dispatch:${dispatch.id}:%`} ORDER BY "key"`,
    )
    expect(sends.map((s) => s.key)).toEqual(rows.map((r) => r.mailDeliveryKey).sort())
    // Done: the sweeper finds nothing more to resume.
    expect(await resumeInterruptedPlanning(payload)).toBe(0)
  })
})
