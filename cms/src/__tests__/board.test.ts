import { initI18n } from '@payloadcms/translations'
import { renderToStaticMarkup } from 'react-dom/server'
import { beforeAll, describe, expect, it } from 'vitest'
import { type Board, collectBoard } from '../board/collectBoard.ts'
import { type BoardTools, FailuresSection } from '../components/BoardSections.tsx'
import { siteBuildFailureText } from '../components/siteBuildFailureText.ts'
import { execute, sql } from '../db/sql.ts'
import { adminT } from '../i18n/admin/adminT.ts'
import { planSend } from '../mail/index.ts'
import { planDispatch } from '../notices/dispatch/planDispatch.ts'
import { testDatabase } from '../testing/payload.ts'
import { payloadForFile } from '../testing/payloadForFile.ts'

/**
 * Issue 15, item 5: the board shows what goes out soon, what is going out (with its counts),
 * recent failures and stuck jobs, each as the staff member's own access allows, and leaves out
 * what is past or finished. Everything is real rows on a real database.
 */
const cms = payloadForFile({ staff: ['editor', 'translator'] })

const hour = 3_600_000
const at = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString()
const ids: Record<string, number> = {}
const template = { from: 'Press room <press@example.org>', subject: 'Hi', html: '<p>Hi</p>', text: 'Hi' }

/** A finished site build, as the builder leaves one. */
const siteBuild = (
  status: 'failed' | 'succeeded',
  finishedAt: string,
  error?: string,
  failure?: { [k: string]: unknown },
) =>
  cms.payload.create({
    collection: 'site-builds',
    data: {
      summary: `${status} build`,
      status,
      timing: 'debounced',
      requestedAt: finishedAt,
      finishedAt,
      error,
      failure,
    },
  })

beforeAll(async () => {
  const { payload } = cms
  const { editor } = cms.staff

  // Scheduled publishing: one due in an hour, one already done.
  const draft = await payload.create({
    collection: 'press-releases',
    data: { title: 'Board: scheduled release', date: '2026-06-01T00:00:00.000Z', _status: 'draft' },
  })
  ids.draft = draft.id
  const schedule = (waitUntil: string) =>
    payload.jobs.queue({
      task: 'schedulePublish',
      waitUntil: new Date(waitUntil),
      input: {
        type: 'publish',
        doc: { relationTo: 'press-releases', value: draft.id },
        user: { relationTo: 'users', value: editor.id },
      },
    })
  ids.scheduledJob = Number((await schedule(at(hour))).id)
  const done = await schedule(at(-hour))
  ids.doneJob = Number(done.id)
  await payload.update({ collection: 'payload-jobs', id: done.id, data: { completedAt: at(-hour / 2) } })

  // Embargoes: one ends in two hours, one ended an hour ago.
  const release = (title: string, embargoUntil: string) =>
    payload.create({
      collection: 'press-releases',
      data: { title, date: '2026-06-01T00:00:00.000Z', embargoUntil, _status: 'published' },
    })
  ids.embargoed = (await release('Board: embargoed release', at(2 * hour))).id
  ids.released = (await release('Board: released release', at(-hour))).id

  // A publication e-mail on its way (one waiting, one delivered, one failed) and one finished.
  const recipients = ['a', 'b', 'c'].map((key) => ({ key, email: `${key}@example.org` }))
  const sending = await planSend(payload, {
    key: 'board:sending',
    label: 'Board: sending',
    purpose: 'test',
    message: template,
    recipients,
  })
  ids.sending = sending.sendId
  await execute(
    payload,
    sql`UPDATE "deliveries" SET "status" = 'delivered' WHERE "send_id" = ${sending.sendId} AND "recipient" = 'b'`,
  )
  await execute(
    payload,
    sql`UPDATE "deliveries" SET "status" = 'failed', "error" = 'mailbox unavailable'
        WHERE "send_id" = ${sending.sendId} AND "recipient" = 'c'`,
  )
  const finished = await planSend(payload, {
    key: 'board:finished',
    label: 'Board: finished',
    purpose: 'test',
    message: template,
    recipients,
  })
  ids.finished = finished.sendId
  await execute(payload, sql`UPDATE "sends" SET "status" = 'done' WHERE "id" = ${finished.sendId}`)

  // A notice dispatch planned to one recipient by hand delivery: its row waits in the log.
  const notice = await payload.create({
    collection: 'notices',
    data: { title: 'Board: notice', _status: 'published' },
  })
  const recipient = await payload.create({
    collection: 'recipients',
    data: {
      kind: 'embassy',
      name: 'Board embassy',
      country: 'DE',
      preferredLanguage: 'en',
      preferredChannels: ['hand-delivery'],
    } as never,
  })
  const dispatch = await payload.create({
    collection: 'dispatches',
    // Status and label are the collection's own (a hook sets them), as in the admin.
    data: { notice: notice.id, recipients: [recipient.id] } as never,
  })
  await planDispatch(payload, dispatch.id)
  ids.dispatch = dispatch.id

  // Site builds: a failure an hour ago, and one from a month ago that is no longer recent.
  ids.failedBuild = (await siteBuild('failed', at(-hour), 'astro: page crashed')).id
  ids.oldFailedBuild = (await siteBuild('failed', at(-30 * 24 * hour), 'long ago')).id
  ids.codedBuild = (
    await siteBuild('failed', at(-2 * hour), 'The site build failed (exit code 3).', {
      code: 'exitCode',
      vars: { exit: 3 },
    })
  ).id

  // Jobs: one that failed, and one left running by a process that died a day ago.
  const failing = await payload.jobs.queue({ task: 'pruneOldData', input: {} })
  ids.failedJob = Number(failing.id)
  await payload.update({
    collection: 'payload-jobs',
    id: failing.id,
    data: { hasError: true, error: { message: 'disk full' } },
  })
  const stale = await payload.jobs.queue({ task: 'pruneOldData', input: {}, queue: 'board-test' })
  ids.staleJob = Number(stale.id)
  await execute(
    payload,
    sql`UPDATE "payload_jobs" SET "processing" = ${true}, "updated_at" = ${at(-24 * hour)} WHERE "id" = ${stale.id}`,
  )
})

const upcomingIds = (board: Board) =>
  board.upcoming.map((u) => (u.what === 'embargoEnds' ? `embargo:${u.doc.id}` : `job:${u.jobId}`))

describe(`the board (${testDatabase})`, () => {
  it('shows an editor what goes out soon, soonest first, and not what is past', async () => {
    const board = await collectBoard(cms.payload, cms.staff.editor)
    expect(board?.scheduledReadable).toBe(true)
    const upcoming = upcomingIds(board!)
    expect(upcoming).toEqual(expect.arrayContaining([`job:${ids.scheduledJob}`, `embargo:${ids.embargoed}`]))
    expect(upcoming.indexOf(`job:${ids.scheduledJob}`)).toBeLessThan(upcoming.indexOf(`embargo:${ids.embargoed}`))
    expect(upcoming).not.toContain(`job:${ids.doneJob}`)
    expect(upcoming).not.toContain(`embargo:${ids.released}`)
    const job = board!.upcoming.find((u) => u.what === 'publish' && u.jobId === ids.scheduledJob)
    expect(job?.what === 'publish' && job.doc).toEqual({
      collection: 'press-releases',
      id: ids.draft,
      title: 'Board: scheduled release',
    })
  })

  it('counts the sends and dispatches in progress, and leaves out finished ones', async () => {
    const board = await collectBoard(cms.payload, cms.staff.editor)
    const send = board?.sends?.find((s) => s.id === ids.sending)
    expect(send?.counts).toEqual({ queued: 1, sent: 1, delivered: 1, failed: 1 })
    expect(send?.label).toBe('Board: sending')
    expect(board?.sends?.map((s) => s.id)).not.toContain(ids.finished)
    const dispatch = board?.dispatches?.find((d) => d.id === ids.dispatch)
    expect(dispatch?.counts).toEqual({ queued: 1, sent: 0, delivered: 0, failed: 0 })
    expect(dispatch?.status).not.toBe('completed')
  })

  it('lists recent failures and stuck jobs, not old ones', async () => {
    const board = await collectBoard(cms.payload, cms.staff.editor)
    const failures = board!.failures.map((f) => `${f.what}:${f.id}`)
    expect(failures).toContain(`siteBuild:${ids.failedBuild}`)
    expect(failures).not.toContain(`siteBuild:${ids.oldFailedBuild}`)
    expect(failures).toContain(`failedJob:${ids.failedJob}`)
    expect(board!.failures.find((f) => f.what === 'failedJob' && f.id === ids.failedJob)?.error).toBe('disk full')
    expect(board!.failures.find((f) => f.what === 'failedEmail')).toMatchObject({
      email: 'c@example.org',
      error: 'mailbox unavailable',
    })
    expect(board!.stuckJobs.expiredLeases.map((j) => j.id)).toContain(ids.staleJob)
    expect(board!.healthy).toBe(false)
  })

  it("words a site build's failure in the admin's language, and shows an old one's raw text", async () => {
    const board = await collectBoard(cms.payload, cms.staff.editor)
    const { t } = await initI18n({ config: cms.payload.config.i18n, context: 'api', language: 'ru' })
    const tools = {
      t: adminT(t, 'board'),
      when: (iso: string) => iso,
      href: (collection: string, id?: number | string) => `/admin/collections/${collection}/${id}`,
      siteBuildFailure: (failure: unknown) => siteBuildFailureText(t, failure),
      buildOutput: adminT(t, 'siteBuildFailure')('output'),
    } as BoardTools
    const html = renderToStaticMarkup(FailuresSection({ failures: board!.failures, days: 7, tools }))
    const coded = board!.failures.find((f) => f.id === ids.codedBuild && f.what === 'siteBuild')
    expect(coded).toMatchObject({ failure: { code: 'exitCode', vars: { exit: 3 } } })
    expect(html).toContain('Сборка сайта не удалась (код выхода 3).')
    expect(html).not.toContain('The site build failed (exit code 3)')
    expect(html).toContain('Вывод сборки: <span data-raw="">astro: page crashed</span>')
  })

  it('shows a translator only what a translator may read, and nobody else anything', async () => {
    const board = await collectBoard(cms.payload, cms.staff.translator)
    expect(board?.scheduledReadable).toBe(false)
    expect(board?.sends).toBeNull()
    expect(board?.dispatches).toBeNull()
    expect(upcomingIds(board!)).toEqual([`embargo:${ids.embargoed}`])
    const failures = board!.failures.map((f) => f.what)
    expect(failures).toContain('siteBuild')
    expect(failures).not.toContain('failedJob')
    expect(failures).not.toContain('failedEmail')
    expect(board!.stuckJobs.expiredLeases.map((j) => j.id)).toContain(ids.staleJob)
    expect(await collectBoard(cms.payload, null)).toBeNull()
  })
})
