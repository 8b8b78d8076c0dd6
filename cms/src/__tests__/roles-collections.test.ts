import { readdirSync } from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import { testDatabase } from '../testing/payload.ts'
import { payloadForFile } from '../testing/payloadForFile.ts'
import { minimalPdf } from './helpers/files.ts'
import { everyone, publishers, type Reply, staff, type Who } from './helpers/restAs.ts'
import { restAsForFile } from './helpers/restAsForFile.ts'
import { problemsWith, type RoleCase } from './helpers/roleTable.ts'

/**
 * Collections without drafts, the site settings and staff accounts, by role (docs/adr/0024).
 * Topics and press contacts are public as soon as they are saved, so translators change neither;
 * translators upload new files but delete none.
 */

const cms = payloadForFile()
const rest = restAsForFile(cms)
let payload: Payload

beforeAll(() => {
  payload = cms.payload
})

let made = 0
const marker = () => `m${++made}`
type ID = number | string
type Fixture = { id: ID; marker: string }

/** Every row as staff see it, what the public lists, and (for uploads) the files on disk. */
async function stateOf(collection: 'topics' | 'press-contacts' | 'media' | 'documents') {
  const rows = await payload.find({ collection, pagination: false, depth: 0, sort: 'id' })
  const anonymous = await rest.call('anonymous', 'GET', `/${collection}?limit=1000&depth=0&sort=id`)
  const dir = path.join(cms.started.uploadDir, collection)
  const files = collection === 'media' || collection === 'documents' ? safeList(dir) : []
  return { rows: rows.docs, anonymous: anonymous.json?.docs, files }
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir).sort()
  } catch {
    return []
  }
}

const gone = async (collection: 'topics' | 'press-contacts' | 'media' | 'documents', id: ID) =>
  (await payload.count({ collection, where: { id: { equals: id } } })).totalDocs === 0 ? undefined : 'it is still there'

async function publicField(collection: 'topics' | 'press-contacts', id: ID, field: string) {
  const reply = await rest.call('anonymous', 'GET', `/${collection}/${id}?depth=0`)
  return reply.status === 200 ? reply.json[field] : null
}

/** Create, change (by id and in bulk) and delete (by id and in bulk) on a collection without drafts. */
function publicAtOnceCases(
  collection: 'topics' | 'press-contacts',
  field: 'title' | 'name',
  data: Record<string, unknown>,
): RoleCase<Fixture>[] {
  const setup = async () => {
    const m = marker()
    const doc = await payload.create({ collection, data: { ...data, [field]: `${m} original` } as never })
    return { id: doc.id, marker: m }
  }
  const changed = (f: Fixture) => async () =>
    (await publicField(collection, f.id, field)) === `${f.marker} changed`
      ? undefined
      : 'the public does not see the change'
  const base = { allowed: publishers, setup, state: () => stateOf(collection) }
  return [
    {
      ...base,
      name: `${collection}: create`,
      run: (who, f) => rest.call(who, 'POST', `/${collection}`, { body: { ...data, [field]: `${f.marker} new` } }),
      happened: async (_f, reply) =>
        (await publicField(collection, reply.json.doc.id, field)) ? undefined : 'the public does not see it',
    },
    {
      ...base,
      name: `${collection}: update`,
      run: (who, f) => rest.call(who, 'PATCH', `/${collection}/${f.id}`, { body: { [field]: `${f.marker} changed` } }),
      happened: (f) => changed(f)(),
    },
    {
      ...base,
      name: `${collection}: bulk update`,
      run: (who, f) =>
        rest.call(who, 'PATCH', `/${collection}?where[id][equals]=${f.id}`, {
          body: { [field]: `${f.marker} changed` },
        }),
      happened: (f) => changed(f)(),
    },
    {
      ...base,
      name: `${collection}: delete`,
      run: (who, f) => rest.call(who, 'DELETE', `/${collection}/${f.id}`),
      happened: (f) => gone(collection, f.id),
    },
    {
      ...base,
      name: `${collection}: bulk delete`,
      run: (who, f) => rest.call(who, 'DELETE', `/${collection}?where[id][equals]=${f.id}`),
      happened: (f) => gone(collection, f.id),
    },
  ]
}

async function uploadForm(collection: 'media' | 'documents', m: string): Promise<FormData> {
  const form = new FormData()
  if (collection === 'media') {
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#336699' } })
      .png()
      .toBuffer()
    form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), `${m}.png`)
    form.append('_payload', JSON.stringify({ alt: `${m} alt` }))
  } else {
    form.append('file', new Blob([new Uint8Array(minimalPdf())], { type: 'application/pdf' }), `${m}.pdf`)
    form.append('_payload', JSON.stringify({ title: `${m} title` }))
  }
  return form
}

/** Uploading is open to staff; deleting is for publishers. Editing an upload: see ADR 0022. */
function uploadCases(collection: 'media' | 'documents'): RoleCase<Fixture>[] {
  const setup = async () => {
    const m = marker()
    const reply = await rest.call('admin', 'POST', `/${collection}`, { form: await uploadForm(collection, m) })
    if (reply.status !== 201) throw new Error(`upload failed: ${reply.status} ${reply.message}`)
    return { id: reply.json.doc.id, marker: m }
  }
  const base = { setup, state: () => stateOf(collection) }
  return [
    {
      ...base,
      name: `${collection}: upload`,
      allowed: staff,
      run: async (who, f) =>
        rest.call(who, 'POST', `/${collection}`, { form: await uploadForm(collection, `${f.marker}n`) }),
      happened: async (_f, reply) =>
        (await payload.count({ collection, where: { id: { equals: reply.json.doc.id } } })).totalDocs === 1
          ? undefined
          : 'no upload was stored',
    },
    {
      ...base,
      name: `${collection}: delete`,
      allowed: publishers,
      run: (who, f) => rest.call(who, 'DELETE', `/${collection}/${f.id}`),
      happened: (f) => gone(collection, f.id),
    },
    {
      ...base,
      name: `${collection}: bulk delete`,
      allowed: publishers,
      run: (who, f) => rest.call(who, 'DELETE', `/${collection}?where[id][equals]=${f.id}`),
      happened: (f) => gone(collection, f.id),
    },
  ]
}

async function expectNoProblems(cases: RoleCase<Fixture>[]) {
  const problems: string[] = []
  for (const roleCase of cases) problems.push(...(await problemsWith(roleCase, everyone)))
  expect(problems).toEqual([])
}

describe(`collections without drafts, by role (${testDatabase})`, () => {
  it('topics: publishers only (every change is public at once)', async () => {
    await expectNoProblems(publicAtOnceCases('topics', 'title', {}))
  }, 300_000)

  it('press contacts: publishers only', async () => {
    await expectNoProblems(
      publicAtOnceCases('press-contacts', 'name', { email: 'press@example.org', languages: ['en'] }),
    )
  }, 300_000)

  it('media: staff upload, publishers delete', async () => {
    await expectNoProblems(uploadCases('media'))
  }, 300_000)

  it('document files: staff upload, publishers delete', async () => {
    await expectNoProblems(uploadCases('documents'))
  }, 300_000)
})

describe(`site settings and staff accounts, by role (${testDatabase})`, () => {
  it('site settings (public, no drafts): only an administrator changes them', async () => {
    const settings = (): Promise<Reply> => rest.call('anonymous', 'GET', '/globals/site-settings?depth=0')
    const problems = await problemsWith(
      {
        name: 'site settings: update',
        allowed: ['admin'],
        setup: async () => ({ id: 0, marker: marker() }),
        state: async () => (await settings()).json,
        run: (who, f) => rest.call(who, 'POST', '/globals/site-settings', { body: { organizationName: f.marker } }),
        happened: async (f) =>
          (await settings()).json.organizationName === f.marker ? undefined : 'the public does not see it',
      },
      everyone,
    )
    expect(problems).toEqual([])
    expect(payload.config.globals.find((g) => g.slug === 'site-settings')?.versions).toBeFalsy()
  })

  it('staff accounts: only an administrator creates, changes or deletes someone else', async () => {
    const setup = async () => {
      const m = marker()
      const user = await payload.create({
        collection: 'users',
        data: { email: `${m}@test.localhost`, password: 'a long enough password', role: 'translator', name: m },
      })
      return { id: user.id, marker: m }
    }
    const state = async () =>
      (await payload.find({ collection: 'users', pagination: false, depth: 0, sort: 'id' })).docs.map((u) => [
        u.id,
        u.email,
        u.role,
        u.name,
        u.updatedAt,
      ])
    const base = { allowed: ['admin'] as Who[], setup, state }
    const cases: RoleCase<Fixture>[] = [
      {
        ...base,
        name: 'users: create',
        run: (who, f) =>
          rest.call(who, 'POST', '/users', {
            body: { email: `${f.marker}-new@test.localhost`, password: 'a long enough password', role: 'admin' },
          }),
        happened: async (f) =>
          (await payload.count({ collection: 'users', where: { email: { equals: `${f.marker}-new@test.localhost` } } }))
            .totalDocs === 1
            ? undefined
            : 'no account was made',
      },
      {
        ...base,
        name: 'users: promote someone else',
        run: (who, f) => rest.call(who, 'PATCH', `/users/${f.id}`, { body: { role: 'admin' } }),
        happened: async (f) =>
          (await payload.findByID({ collection: 'users', id: f.id })).role === 'admin' ? undefined : 'no promotion',
      },
      {
        ...base,
        name: 'users: delete someone else',
        run: (who, f) => rest.call(who, 'DELETE', `/users/${f.id}`),
        happened: async (f) =>
          (await payload.count({ collection: 'users', where: { id: { equals: f.id } } })).totalDocs === 0
            ? undefined
            : 'the account is still there',
      },
    ]
    const problems: string[] = []
    for (const roleCase of cases) problems.push(...(await problemsWith(roleCase, everyone)))
    expect(problems).toEqual([])
  }, 300_000)

  it('a translator or an editor cannot raise their own role, by id or in bulk, nor touch others in bulk', async () => {
    for (const who of ['translator', 'editor'] as const) {
      const others = await payload.find({ collection: 'users', where: { id: { not_equals: rest.users[who].id } } })
      const before = others.docs.map((u) => [u.id, u.role, u.name, u.updatedAt])

      const byId = await rest.call(who, 'PATCH', `/users/${rest.users[who].id}`, {
        body: { role: 'admin', name: `${who} by id` },
      })
      expect(byId.status).toBe(200)
      const bulk = await rest.call(who, 'PATCH', '/users?where[email][exists]=true', {
        body: { role: 'admin', name: `${who} in bulk` },
      })
      expect(bulk.status).toBe(200)
      expect(bulk.json.docs.map((u: { id: ID }) => u.id)).toEqual([rest.users[who].id])

      const self = await payload.findByID({ collection: 'users', id: rest.users[who].id })
      expect({ role: self.role, name: self.name }).toEqual({ role: who, name: `${who} in bulk` })
      const after = await payload.find({ collection: 'users', where: { id: { in: others.docs.map((u) => u.id) } } })
      expect(after.docs.map((u) => [u.id, u.role, u.name, u.updatedAt])).toEqual(before)
    }
  })
})
