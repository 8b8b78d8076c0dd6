import type { CollectionSlug, Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { num, queryRows, sql } from '../db/sql.ts'
import { planSend } from '../mail/index.ts'
import { planDispatch } from '../notices/dispatch/planDispatch.ts'
import { requestResend } from '../notices/dispatch/requestResend.ts'
import { createStaff, type StaffUser, type StartedPayload, startPayload, testDatabase } from '../testing/payload.ts'
import { createDispatchAs, dispatchLog } from './helpers/dispatches.ts'
import { spawnTsxChild, type TsxChild } from './helpers/tsxChild.ts'

/**
 * Issue 12 item 4 (docs/adr/0029): what must change together changes together, on SQLite as on
 * PostgreSQL. Each group fails in its middle, once by an error after its first writes (a hook
 * that throws) and once by SIGKILL of the process inside its transaction, and the database then
 * holds all of the group or none of it. Several writers at once never meet SQLITE_BUSY.
 */

let started: StartedPayload
let payload: Payload
let editor: StaffUser
/** The CMS process killed inside a plan: it loads while the other tests run. */
let planner: TsxChild
const killedKey = `killed-plan-${Date.now()}`

beforeAll(async () => {
  started = await startPayload()
  payload = started.payload
  editor = await createStaff(payload, 'editor')
  planner = spawnTsxChild(
    new URL('./helpers/planSendChild.ts', import.meta.url).pathname,
    'the planner',
    { PLAN_KEY: killedKey, PLAN_RECIPIENTS: '450' },
    { stdin: true },
  )
})

afterAll(async () => {
  planner?.child.kill('SIGKILL')
  await started?.stop()
})

type HookKind = 'afterChange' | 'beforeChange'

/** Runs `work` with a hook on `collection` that throws the `nth` time it runs: a failure in the middle. */
async function failingAt<T>(collection: CollectionSlug, kind: HookKind, nth: number, work: () => Promise<T>) {
  const hooks = payload.collections[collection].config.hooks[kind] as unknown[]
  let calls = 0
  const hook = () => {
    calls += 1
    if (calls === nth) throw new Error(`injected failure in ${collection} ${kind} #${nth}`)
  }
  hooks.push(hook)
  try {
    await expect(work()).rejects.toThrow(/injected failure|SIGKILL/)
  } finally {
    hooks.splice(hooks.indexOf(hook), 1)
  }
  expect(calls, 'the failure came after the first writes of the group').toBeGreaterThanOrEqual(nth)
}

const count = async (query: ReturnType<typeof sql>) => num((await queryRows<{ n: unknown }>(payload, query))[0]?.n)

const sendsLike = (prefix: string) =>
  count(sql`SELECT CAST(count(*) AS INTEGER) AS "n" FROM "sends" WHERE "key" LIKE ${`${prefix}%`}`)

const deliveriesOf = (key: string) =>
  count(
    sql`SELECT CAST(count(*) AS INTEGER) AS "n" FROM "deliveries" "d" JOIN "sends" "s" ON "s"."id" = "d"."send_id" WHERE "s"."key" = ${key}`,
  )

const recipients = (n: number, prefix: string) =>
  Array.from({ length: n }, (_, i) => ({ key: `r:${i}`, email: `${prefix}-${i}@example.org` }))

const message = { from: 'press@example.org', subject: 'Atomic', html: '<p>-</p>', text: '-' }

describe(`atomic writes (${testDatabase})`, () => {
  it('a document and its reference number: a publication that fails after the counter is written leaves neither', async () => {
    const data = { title: 'Fails after numbering', date: '2031-03-01T00:00:00.000Z', _status: 'published' as const }
    await failingAt('press-releases', 'afterChange', 1, () => payload.create({ collection: 'press-releases', data }))
    const left = await payload.find({ collection: 'press-releases', where: { title: { equals: data.title } } })
    expect(left.totalDocs).toBe(0)
    const counters = await payload.find({ collection: 'reference-counters', where: { key: { equals: 'GC-PR-2031' } } })
    expect(counters.totalDocs).toBe(0)
    const published = await payload.create({ collection: 'press-releases', data })
    expect(published.referenceNumber).toBe('GC-PR-2031-001')
  })

  it('a send and its delivery rows: an error in the middle of the rows leaves no send and no row', async () => {
    const key = `atomic-send-${Date.now()}`
    let parts = 0
    const fail = () => {
      if (++parts === 2) throw new Error('injected failure after the first rows')
    }
    const input = { key, label: 'Atomic', purpose: 'test', message, recipients: recipients(450, 'atomic') }
    await expect(planSend(payload, { ...input, checkpoint: fail })).rejects.toThrow(/injected failure/)
    expect(parts).toBe(2)
    expect(await sendsLike(key)).toBe(0)
    expect(await deliveriesOf(key)).toBe(0)
    const planned = await planSend(payload, input)
    expect(planned).toMatchObject({ created: true, planned: 450 })
  })

  describe('a dispatch, its rows and their e-mails; a re-send and its audit entry', () => {
    let dispatchId: number
    let noticeId: number

    beforeAll(async () => {
      const notice = await payload.create({
        collection: 'notices',
        data: { title: 'Atomic notice', date: '2031-04-01T00:00:00.000Z', _status: 'published' },
      })
      noticeId = notice.id
      const group = await payload.create({ collection: 'distribution-groups', locale: 'en', data: { name: 'Atomic' } })
      for (const n of [1, 2, 3]) {
        await payload.create({
          collection: 'recipients',
          locale: 'en',
          data: {
            kind: 'embassy',
            name: `Atomic embassy ${n}`,
            country: 'DE',
            emails: [{ address: `embassy-${n}@example.org` }],
            preferredLanguage: 'en',
            preferredChannels: ['email'],
            groups: [group.id],
          },
        })
      }
      dispatchId = (await createDispatchAs(payload, editor, { notice: noticeId, groups: [group.id] })).id
    })

    it('planning that fails at its third row leaves the draft, no row and no e-mail', async () => {
      await failingAt('dispatch-recipients', 'afterChange', 3, () => planDispatch(payload, dispatchId))
      const dispatch = await payload.findByID({ collection: 'dispatches', id: dispatchId, depth: 0 })
      expect(dispatch.status).toBe('draft')
      expect(await dispatchLog(payload, dispatchId, 'id')).toHaveLength(0)
      expect(await sendsLike(`notice-dispatch:${dispatchId}:`)).toBe(0)
    })

    it('planning that fails at the hand-over of its last e-mail leaves the draft, no row and no e-mail', async () => {
      await failingAt('sends', 'beforeChange', 3, () => planDispatch(payload, dispatchId))
      const dispatch = await payload.findByID({ collection: 'dispatches', id: dispatchId, depth: 0 })
      expect(dispatch.status).toBe('draft')
      expect(await dispatchLog(payload, dispatchId, 'id')).toHaveLength(0)
      expect(await sendsLike(`notice-dispatch:${dispatchId}:`)).toBe(0)
      const planned = await planDispatch(payload, dispatchId)
      expect(planned).toMatchObject({ created: 3, total: 3 })
      expect(await sendsLike(`notice-dispatch:${dispatchId}:`)).toBe(3)
    })

    it('a re-send whose e-mail cannot be planned leaves the attempt, the audit and the sends as they were', async () => {
      const [row] = await dispatchLog(payload, dispatchId, 'id')
      const resend = () => requestResend(payload, row!.id, { user: editor, reason: 'Bounced', attempt: 1 })
      await failingAt('sends', 'beforeChange', 1, resend)
      const after = await payload.findByID({ collection: 'dispatch-recipients', id: row!.id, depth: 0 })
      expect(after.attempt).toBe(1)
      expect(after.resends ?? []).toHaveLength(0)
      expect(await sendsLike(`notice-dispatch:${dispatchId}:`)).toBe(3)
      const done = await resend()
      expect(done.attempt).toBe(2)
      expect(done.resends).toHaveLength(1)
      expect(await sendsLike(`notice-dispatch:${dispatchId}:`)).toBe(4)
    })
  })

  it('many writers at once (saves, plans, raw statements) all succeed: no SQLITE_BUSY', async () => {
    const stamp = Date.now()
    const writes: Promise<unknown>[] = []
    for (let i = 0; i < 12; i++) {
      writes.push(
        payload.create({ collection: 'topics', data: { title: `Busy ${stamp} ${i}`, slug: `busy-${stamp}-${i}` } }),
      )
      writes.push(
        planSend(payload, {
          key: `busy-${stamp}-${i}`,
          label: 'Busy',
          purpose: 'test',
          message,
          recipients: recipients(50, `busy${i}`),
        }),
      )
      // PostgreSQL lets two publications of one kind and year compute one number at once (docs/adr/0005).
      if (testDatabase === 'sqlite') {
        writes.push(
          payload.create({
            collection: 'press-releases',
            data: { title: `Busy release ${i}`, date: '2032-01-01T00:00:00.000Z', _status: 'published' },
          }),
        )
      }
      writes.push(
        queryRows(
          payload,
          sql`UPDATE "sends" SET "updated_at" = ${new Date().toISOString()} WHERE "key" LIKE 'busy-%'`,
        ),
      )
    }
    const results = await Promise.allSettled(writes)
    expect(
      results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason)),
    ).toEqual([])
    expect(await sendsLike(`busy-${stamp}-`)).toBe(12)
    if (testDatabase === 'postgres') return
    // On SQLite, twelve publications at once of one kind and year get twelve different numbers.
    const numbers = await payload.find({
      collection: 'press-releases',
      where: { title: { like: 'Busy release' } },
      limit: 20,
    })
    expect(new Set(numbers.docs.map((d) => d.referenceNumber)).size).toBe(12)
  })
  it('a send and its delivery rows: a CMS process killed inside the plan leaves no send and no row', async () => {
    await planner.ready
    planner.tell('go')
    expect(await planner.exited, planner.output()).toBe('SIGKILL')
    expect(await sendsLike(killedKey)).toBe(0)
    expect(await deliveriesOf(killedKey)).toBe(0)
    // The database is usable at once: the dead process's lock went with it.
    const again = await planSend(payload, {
      key: killedKey,
      label: 'Again',
      purpose: 'test',
      message,
      recipients: recipients(3, 'again'),
    })
    expect(again).toMatchObject({ created: true, planned: 3 })
  }, 60_000)
})
