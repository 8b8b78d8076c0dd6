import type { CollectionSlug, Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createStaff, type StaffUser, type StartedPayload, startPayload, testDatabase } from '../testing/payload.ts'
import { minimalPdf } from './helpers/files.ts'

let started: StartedPayload
let payload: Payload
const users: Record<'admin' | 'editor' | 'translator', StaffUser> = {} as never

beforeAll(async () => {
  started = await startPayload()
  payload = started.payload
  for (const role of ['admin', 'editor', 'translator'] as const) users[role] = await createStaff(payload, role)
})
afterAll(async () => {
  await started?.stop()
})

type Who = 'anonymous' | 'translator' | 'editor' | 'admin'
const everyone: Who[] = ['anonymous', 'translator', 'editor', 'admin']

/** What each role may do, collection by collection (publishing is covered in access.test.ts). */
const matrix: {
  collection: CollectionSlug
  data: Record<string, unknown>
  create: Who[]
  update: Who[]
  delete: Who[]
}[] = [
  {
    // No drafts: every change is public at once, so translators do not make it (ADR 0024).
    collection: 'topics',
    data: { title: 'Topic' },
    create: ['editor', 'admin'],
    update: ['editor', 'admin'],
    delete: ['editor', 'admin'],
  },
  {
    collection: 'press-contacts',
    data: { name: 'Contact', email: 'c@example.org', languages: ['en'] },
    create: ['editor', 'admin'],
    update: ['editor', 'admin'],
    delete: ['editor', 'admin'],
  },
  {
    collection: 'press-kits',
    data: { title: 'Kit', _status: 'draft' },
    create: ['translator', 'editor', 'admin'],
    update: ['translator', 'editor', 'admin'],
    delete: ['editor', 'admin'],
  },
  {
    collection: 'statements',
    data: { title: 'Draft', _status: 'draft' },
    create: ['translator', 'editor', 'admin'],
    update: ['translator', 'editor', 'admin'],
    delete: ['editor', 'admin'],
  },
]

function as(who: Who) {
  return who === 'anonymous' ? { overrideAccess: false } : { overrideAccess: false, user: users[who] }
}

async function allowed(action: () => Promise<unknown>): Promise<boolean> {
  try {
    await action()
    return true
  } catch (error) {
    if ((error as { status?: number }).status === 403) return false
    throw error
  }
}

describe(`what each role may do (${testDatabase})`, () => {
  for (const row of matrix) {
    it(`${row.collection}: create, update, delete`, async () => {
      const seen: Record<'create' | 'update' | 'delete', Who[]> = { create: [], update: [], delete: [] }
      for (const who of everyone) {
        const ok = await allowed(() =>
          payload.create({ collection: row.collection, data: row.data as never, draft: true, ...as(who) }),
        )
        if (ok) seen.create.push(who)

        const target = await payload.create({ collection: row.collection, data: row.data as never, draft: true })
        if (
          await allowed(() =>
            payload.update({
              collection: row.collection,
              id: target.id,
              data: row.data as never,
              draft: true,
              ...as(who),
            }),
          )
        )
          seen.update.push(who)
        if (await allowed(() => payload.delete({ collection: row.collection, id: target.id, ...as(who) })))
          seen.delete.push(who)
      }
      expect(seen).toEqual({ create: row.create, update: row.update, delete: row.delete })
    })
  }

  it('site settings: everyone reads, only an admin changes them', async () => {
    for (const who of everyone) {
      await expect(payload.findGlobal({ slug: 'site-settings', ...as(who) })).resolves.toBeDefined()
      const ok = await allowed(() =>
        payload.updateGlobal({ slug: 'site-settings', data: { organizationName: `Set by ${who}` }, ...as(who) }),
      )
      expect({ who, ok }).toEqual({ who, ok: who === 'admin' })
    }
  })

  it('staff accounts: only an admin creates or deletes them; others see only themselves', async () => {
    for (const who of ['anonymous', 'translator', 'editor'] as const) {
      expect(
        await allowed(() =>
          payload.create({
            collection: 'users',
            data: { email: `made-by-${who}@test.localhost`, password: 'long enough password', role: 'translator' },
            ...as(who),
          }),
        ),
      ).toBe(false)
      expect(await allowed(() => payload.delete({ collection: 'users', id: users.admin.id, ...as(who) }))).toBe(false)
    }
    const seenByEditor = await payload.find({ collection: 'users', ...as('editor') })
    expect(seenByEditor.docs.map((u) => u.email)).toEqual([users.editor.email])
    const seenByAdmin = await payload.find({ collection: 'users', ...as('admin') })
    expect(seenByAdmin.totalDocs).toBe(3)
  })

  it('uploads: staff upload, the public does not', async () => {
    const pdf = minimalPdf()
    const upload = (who: Who) =>
      payload.create({
        collection: 'documents',
        data: { title: `Uploaded by ${who}` },
        file: { data: pdf, name: `by-${who}.pdf`, mimetype: 'application/pdf', size: pdf.length },
        ...as(who),
      })
    expect(await allowed(() => upload('anonymous'))).toBe(false)
    expect(await allowed(() => upload('translator'))).toBe(true)
  })
})
