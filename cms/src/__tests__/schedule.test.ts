import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createStaff, type StartedPayload, startPayload, testDatabase } from '../testing/payload.ts'

let started: StartedPayload
let payload: Payload

beforeAll(async () => {
  // The job runner as the started CMS runs it, on a fast cadence so the test is short.
  started = await startPayload({ env: { JOBS_AUTORUN_CRON: '* * * * * *' }, cron: true })
  payload = started.payload
})
afterAll(async () => {
  await started?.stop()
})

async function waitFor<T>(check: () => Promise<T | undefined>, timeoutMs: number): Promise<T | undefined> {
  const end = Date.now() + timeoutMs
  while (Date.now() < end) {
    const value = await check()
    if (value !== undefined) return value
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  return undefined
}

describe(`scheduled publishing (${testDatabase})`, () => {
  it('publishes a draft at its time through the running job runner, and not before', async () => {
    const editor = await createStaff(payload, 'editor')
    const doc = await payload.create({
      collection: 'press-releases',
      data: { title: 'Scheduled release', date: '2026-06-01T00:00:00.000Z', _status: 'draft' },
    })
    const at = new Date(Date.now() + 3000)
    // What the admin's "Schedule publish" drawer queues.
    await payload.jobs.queue({
      task: 'schedulePublish',
      waitUntil: at,
      input: {
        type: 'publish',
        doc: { relationTo: 'press-releases', value: doc.id },
        user: { relationTo: 'users', value: editor.id },
      },
    })

    const publicView = () =>
      payload.find({ collection: 'press-releases', overrideAccess: false, where: { id: { equals: doc.id } } })
    expect((await publicView()).totalDocs).toBe(0)

    const published = await waitFor(async () => {
      const found = await publicView()
      return found.docs[0]
    }, 20_000)
    expect(published?.title).toBe('Scheduled release')
    expect(Date.now()).toBeGreaterThanOrEqual(at.getTime())
    expect(published?.referenceNumber).toBe('GC-PR-2026-001')
  })

  it('refuses a publication scheduled by a translator when it comes due', async () => {
    const translator = await createStaff(payload, 'translator')
    const doc = await payload.create({ collection: 'notices', data: { title: 'Not allowed', _status: 'draft' } })
    const job = await payload.jobs.queue({
      task: 'schedulePublish',
      waitUntil: new Date(Date.now() + 500),
      input: {
        type: 'publish',
        doc: { relationTo: 'notices', value: doc.id },
        user: { relationTo: 'users', value: translator.id },
      },
    })
    const finished = await waitFor(async () => {
      const current = await payload
        .findByID({ collection: 'payload-jobs', id: job.id, depth: 0 })
        .catch(() => undefined)
      return current?.hasError || current?.completedAt ? current : undefined
    }, 20_000)
    expect(finished?.hasError).toBe(true)
    const after = await payload.findByID({ collection: 'notices', id: doc.id })
    expect(after._status).toBe('draft')
  })
})
