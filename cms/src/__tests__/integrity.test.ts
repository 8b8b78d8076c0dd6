import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { staffPassword, testDatabase } from '../testing/payload.ts'
import { payloadForFile } from '../testing/payloadForFile.ts'
import { httpClient } from './helpers/http.ts'

const cms = payloadForFile({ staff: ['editor'] })
let payload: Payload
let token: string

beforeAll(async () => {
  payload = cms.payload
  token = await httpClient(payload).login(cms.staff.editor.email, staffPassword)
})

describe(`a failed save leaves nothing behind (${testDatabase})`, () => {
  it('does not consume a reference number or add a version when publishing fails', async () => {
    const first = await payload.create({
      collection: 'statements',
      data: { title: 'First', slug: 'taken', date: '2022-04-01T00:00:00.000Z', _status: 'published' },
    })
    expect(first.referenceNumber).toBe('GC-ST-2022-001')
    const versionsBefore = (await payload.countVersions({ collection: 'statements' })).totalDocs

    await expect(
      payload.create({
        collection: 'statements',
        data: { title: 'Second', slug: 'taken', date: '2022-04-02T00:00:00.000Z', _status: 'published' },
      }),
    ).rejects.toMatchObject({
      status: 400,
      data: { errors: [expect.objectContaining({ path: 'slug', message: 'Value must be unique' })] },
    })

    expect((await payload.countVersions({ collection: 'statements' })).totalDocs).toBe(versionsBefore)
    expect((await payload.count({ collection: 'statements' })).totalDocs).toBe(1)
    const next = await payload.create({
      collection: 'statements',
      data: { title: 'Third', date: '2022-04-03T00:00:00.000Z', _status: 'published' },
    })
    expect(next.referenceNumber).toBe('GC-ST-2022-002')
  })
})

describe(`public endpoints answer bad requests clearly (${testDatabase})`, () => {
  it('refuses malformed JSON', async () => {
    const res = await httpClient(payload).post('/statements', '{"title": "unterminated', { token })
    expect(res.status).toBe(400)
    expect(res.json.errors[0].message).toMatch(/invalid json/i)
  })

  it('answers a malformed or unknown ID with 404, not a server error', async () => {
    const http = httpClient(payload)
    expect((await http.get('/statements/abc')).status).toBe(404)
    expect((await http.get('/statements/987654')).status).toBe(404)
    expect((await http.patch('/statements/abc', { title: 'x' }, { token })).status).toBe(404)
  })

  it('names the field that cannot be queried', async () => {
    const res = await httpClient(payload).get('/statements?where[secretField][equals]=1')
    expect(res.status).toBe(400)
    expect(res.json.errors[0].message).toContain('secretField')
  })

  it('gives the limit when a title is too long, and stores nothing', async () => {
    const before = (await payload.count({ collection: 'notices' })).totalDocs
    const res = await httpClient(payload).post('/notices', { title: 'x'.repeat(301), _status: 'published' }, { token })
    expect(res.status).toBe(400)
    expect(res.text).toContain('300 characters')
    expect((await payload.count({ collection: 'notices' })).totalDocs).toBe(before)
  })

  it('refuses a date that is not a date', async () => {
    const res = await httpClient(payload).post(
      '/notices',
      { title: 'Dated badly', date: 'next Tuesday', _status: 'published' },
      { token },
    )
    expect(res.status).toBe(400)
    expect(res.text).toMatch(/date/i)
  })
})
