import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createStaff, type StartedPayload, staffPassword, startPayload, testDatabase } from '../testing/payload.ts'
import { httpClient } from './helpers/http.ts'

let started: StartedPayload
let payload: Payload

beforeAll(async () => {
  started = await startPayload()
  payload = started.payload
})
afterAll(async () => {
  await started?.stop()
})

describe(`reference numbers (${testDatabase})`, () => {
  it('are given at first publication only, never to a draft', async () => {
    const doc = await payload.create({
      collection: 'press-releases',
      data: { title: 'Draft first', date: '2026-05-01T00:00:00.000Z', _status: 'draft' },
    })
    expect(doc.referenceNumber ?? null).toBeNull()
    const published = await payload.update({ collection: 'press-releases', id: doc.id, data: { _status: 'published' } })
    expect(published.referenceNumber).toBe('GC-PR-2026-001')
    expect(published.firstPublishedAt).toBeTruthy()
  })

  it('stay the same through edits, translation, drafts, unpublishing and republishing', async () => {
    const doc = await payload.create({
      collection: 'press-releases',
      data: { title: 'Stable', date: '2026-05-02T00:00:00.000Z', _status: 'published' },
    })
    const ref = doc.referenceNumber
    expect(ref).toBe('GC-PR-2026-002')
    await payload.update({ collection: 'press-releases', id: doc.id, data: { title: 'Stable, edited' } })
    await payload.update({ collection: 'press-releases', id: doc.id, locale: 'ru', data: { title: 'Стабильный' } })
    await payload.update({ collection: 'press-releases', id: doc.id, draft: true, data: { title: 'Draft on top' } })
    await payload.update({ collection: 'press-releases', id: doc.id, data: { _status: 'draft' } })
    const again = await payload.update({ collection: 'press-releases', id: doc.id, data: { _status: 'published' } })
    expect(again.referenceNumber).toBe(ref)
    const ru = await payload.findByID({ collection: 'press-releases', id: doc.id, locale: 'ru' })
    expect(ru.referenceNumber).toBe(ref)
  })

  it('cannot be set or changed through the API', async () => {
    const doc = await payload.create({
      collection: 'notices',
      data: { title: 'Own number', date: '2026-01-10T00:00:00.000Z', _status: 'published' },
    })
    expect(doc.referenceNumber).toBe('GC-NT-2026-001')
    const http = httpClient(payload)
    const admin = await createStaff(payload, 'admin')
    const token = await http.login(admin.email, staffPassword)
    const res = await http.patch(`/notices/${doc.id}`, { referenceNumber: 'GC-NT-1999-999' }, { token })
    expect(res.status).toBe(200)
    expect(res.json.doc.referenceNumber).toBe('GC-NT-2026-001')
    const created = await http.post(
      '/notices',
      { title: 'Forged', referenceNumber: 'FAKE-1', _status: 'published' },
      { token },
    )
    expect(created.status).toBe(201)
    expect(created.json.doc.referenceNumber).toMatch(/^GC-NT-\d{4}-\d{3}$/)
  })

  it('count per kind and year, use the configured prefix, and are never reused', async () => {
    const make = (collection: 'statements' | 'notices', date: string) =>
      payload.create({ collection, data: { title: `${collection} ${date}`, date, _status: 'published' } })
    expect((await make('statements', '2025-12-31T12:00:00.000Z')).referenceNumber).toBe('GC-ST-2025-001')
    const second = await make('statements', '2025-06-01T12:00:00.000Z')
    expect(second.referenceNumber).toBe('GC-ST-2025-002')
    await payload.delete({ collection: 'statements', id: second.id })
    expect((await make('statements', '2025-07-01T12:00:00.000Z')).referenceNumber).toBe('GC-ST-2025-003')
    expect((await make('statements', '2024-07-01T12:00:00.000Z')).referenceNumber).toBe('GC-ST-2024-001')

    await payload.updateGlobal({ slug: 'site-settings', data: { organizationName: 'Test', referencePrefix: 'BTHA' } })
    expect((await make('notices', '2025-03-01T12:00:00.000Z')).referenceNumber).toBe('BTHA-NT-2025-001')
    await payload.updateGlobal({ slug: 'site-settings', data: { referencePrefix: 'GC' } })
  })

  it('are unique across many publications', async () => {
    const refs: string[] = []
    for (let i = 0; i < 12; i++) {
      const doc = await payload.create({
        collection: 'statements',
        data: { title: `Many ${i}`, date: '2023-02-01T00:00:00.000Z', _status: 'published' },
      })
      refs.push(doc.referenceNumber as string)
    }
    expect(new Set(refs).size).toBe(refs.length)
    expect(refs.at(-1)).toBe('GC-ST-2023-012')
  })
})
