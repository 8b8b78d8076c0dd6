import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { type StaffUser, staffPassword, testDatabase } from '../testing/payload.ts'
import { payloadForFile } from '../testing/payloadForFile.ts'
import { httpClient } from './helpers/http.ts'

const cms = payloadForFile({ staff: ['admin', 'editor', 'translator'] })
let payload: Payload
let admin: StaffUser
let editor: StaffUser
let translator: StaffUser
const ids: Record<string, number | string> = {}

const hour = 3600_000

beforeAll(async () => {
  payload = cms.payload
  ;({ admin, editor, translator } = cms.staff)

  ids.published = (
    await payload.create({ collection: 'press-releases', data: { title: 'Visible release', _status: 'published' } })
  ).id
  ids.draft = (
    await payload.create({ collection: 'press-releases', data: { title: 'Secret draft', _status: 'draft' } })
  ).id
  ids.embargoed = (
    await payload.create({
      collection: 'press-releases',
      data: {
        title: 'Embargoed release',
        embargoUntil: new Date(Date.now() + 24 * hour).toISOString(),
        _status: 'published',
      },
    })
  ).id
  ids.embargoOver = (
    await payload.create({
      collection: 'press-releases',
      data: {
        title: 'Embargo lifted',
        embargoUntil: new Date(Date.now() - hour).toISOString(),
        _status: 'published',
      },
    })
  ).id
  // A published release with a newer, unpublished draft on top of it.
  const edited = await payload.create({
    collection: 'press-releases',
    data: { title: 'Published wording', _status: 'published' },
  })
  await payload.update({
    collection: 'press-releases',
    id: edited.id,
    draft: true,
    data: { title: 'Unpublished new wording', _status: 'draft' },
  })
  ids.edited = edited.id
})

const publicTitles = ['Visible release', 'Embargo lifted', 'Published wording']

describe(`anonymous readers see published, released documents only (${testDatabase})`, () => {
  it('through the Local API with overrideAccess: false', async () => {
    const list = await payload.find({ collection: 'press-releases', overrideAccess: false, limit: 100 })
    expect(list.docs.map((d) => d.title).sort()).toEqual([...publicTitles].sort())
    const asDraft = await payload.find({ collection: 'press-releases', overrideAccess: false, draft: true, limit: 100 })
    expect(asDraft.docs.map((d) => d.title).sort()).toEqual([...publicTitles].sort())
    await expect(
      payload.findByID({ collection: 'press-releases', id: ids.draft!, overrideAccess: false }),
    ).rejects.toMatchObject({ status: 404 })
    await expect(
      payload.findByID({ collection: 'press-releases', id: ids.embargoed!, overrideAccess: false }),
    ).rejects.toMatchObject({ status: 404 })
  })

  it('through REST, including ?draft=true and the versions endpoint', async () => {
    const http = httpClient(payload)
    const list = await http.get('/press-releases?limit=100')
    expect(list.status).toBe(200)
    expect(list.json.docs.map((d: { title: string }) => d.title).sort()).toEqual([...publicTitles].sort())

    const drafts = await http.get('/press-releases?draft=true&limit=100')
    expect(drafts.json.docs.map((d: { title: string }) => d.title).sort()).toEqual([...publicTitles].sort())

    expect((await http.get(`/press-releases/${ids.draft}`)).status).toBe(404)
    expect((await http.get(`/press-releases/${ids.embargoed}`)).status).toBe(404)
    expect((await http.get(`/press-releases/${ids.embargoed}?draft=true`)).status).toBe(404)
    expect((await http.get(`/press-releases/${ids.edited}?draft=true`)).json.title).toBe('Published wording')
    expect((await http.get('/press-releases/versions')).status).toBe(403)
    expect((await http.get('/users')).status).toBe(403)
    expect((await http.get('/reference-counters')).status).toBe(403)
  })

  it('through GraphQL', async () => {
    const http = httpClient(payload)
    const res = await http.graphql('{ PressReleases(limit: 100, draft: true) { docs { title } } }')
    expect(res.status).toBe(200)
    const titles = res.json.data.PressReleases.docs.map((d: { title: string }) => d.title)
    expect(titles.sort()).toEqual([...publicTitles].sort())
    const one = await http.graphql(`{ PressRelease(id: ${JSON.stringify(ids.embargoed)}) { title } }`)
    expect(one.json.data?.PressRelease ?? null).toBeNull()
    const versions = await http.graphql('{ versionsPressReleases { docs { id } } }')
    expect(versions.json.errors?.[0]?.message).toMatch(/not allowed/i)
  })

  it('staff see drafts and embargoed releases', async () => {
    const list = await payload.find({
      collection: 'press-releases',
      overrideAccess: false,
      user: translator,
      draft: true,
    })
    const titles = list.docs.map((d) => d.title)
    expect(titles).toContain('Secret draft')
    expect(titles).toContain('Embargoed release')
    expect(titles).toContain('Unpublished new wording')
  })
})

describe(`roles are enforced by access control (${testDatabase})`, () => {
  it('a translator saves drafts but cannot publish, unpublish, edit the live version or delete', async () => {
    const asTranslator = { overrideAccess: false, user: translator } as const
    const draft = await payload.create({
      collection: 'statements',
      ...asTranslator,
      data: { title: 'Translator draft', _status: 'draft' },
    })
    expect(draft._status).toBe('draft')

    await expect(
      payload.create({ collection: 'statements', ...asTranslator, data: { title: 'Sneaky', _status: 'published' } }),
    ).rejects.toMatchObject({ status: 403 })
    await expect(
      payload.update({ collection: 'statements', id: draft.id, ...asTranslator, data: { _status: 'published' } }),
    ).rejects.toMatchObject({ status: 403 })

    const live = await payload.create({ collection: 'statements', data: { title: 'Live text', _status: 'published' } })
    await expect(
      payload.update({ collection: 'statements', id: live.id, ...asTranslator, data: { title: 'Changed live' } }),
    ).rejects.toMatchObject({ status: 403 })
    await expect(
      payload.update({ collection: 'statements', id: live.id, ...asTranslator, data: { _status: 'draft' } }),
    ).rejects.toMatchObject({ status: 403 })
    await expect(payload.delete({ collection: 'statements', id: live.id, ...asTranslator })).rejects.toMatchObject({
      status: 403,
    })

    // A translation saved as a draft leaves the published version as it was.
    await payload.update({
      collection: 'statements',
      id: live.id,
      locale: 'ru',
      draft: true,
      ...asTranslator,
      data: { title: 'Перевод', _status: 'draft' },
    })
    const publicRu = await payload.findByID({
      collection: 'statements',
      id: live.id,
      locale: 'ru',
      overrideAccess: false,
    })
    expect(publicRu.title).toBe('Live text')
    const staffRu = await payload.findByID({
      collection: 'statements',
      id: live.id,
      locale: 'ru',
      draft: true,
      ...asTranslator,
    })
    expect(staffRu.title).toBe('Перевод')
  })

  it('a translator is refused over REST too, with a message saying what to do', async () => {
    const http = httpClient(payload)
    const token = await http.login(translator.email, staffPassword)
    const res = await http.post('/notices', { title: 'Published by a translator', _status: 'published' }, { token })
    expect(res.status).toBe(403)
    expect(res.json.errors[0].message).toMatch(/save drafts only/i)
    const count = await payload.count({
      collection: 'notices',
      where: { title: { equals: 'Published by a translator' } },
    })
    expect(count.totalDocs).toBe(0)
    const ok = await http.post('/notices?draft=true', { title: 'Draft by a translator' }, { token })
    expect(ok.status).toBe(201)
  })

  it('an editor publishes, unpublishes and deletes, but manages neither staff nor settings', async () => {
    const asEditor = { overrideAccess: false, user: editor } as const
    const doc = await payload.create({
      collection: 'notices',
      ...asEditor,
      data: { title: 'Editor notice', _status: 'published' },
    })
    expect(doc._status).toBe('published')
    const unpublished = await payload.update({
      collection: 'notices',
      id: doc.id,
      ...asEditor,
      data: { _status: 'draft' },
    })
    expect(unpublished._status).toBe('draft')
    await payload.delete({ collection: 'notices', id: doc.id, ...asEditor })

    await expect(
      payload.create({
        collection: 'users',
        ...asEditor,
        data: { email: 'new@test.localhost', password: 'whatever-long', role: 'admin' },
      }),
    ).rejects.toMatchObject({ status: 403 })
    await expect(
      payload.updateGlobal({ slug: 'site-settings', ...asEditor, data: { referencePrefix: 'XX' } }),
    ).rejects.toMatchObject({ status: 403 })
  })

  it('nobody but an admin changes a role, not even their own', async () => {
    const self = await payload.update({
      collection: 'users',
      id: translator.id,
      overrideAccess: false,
      user: translator,
      data: { role: 'admin', name: 'Renamed' },
    })
    expect(self.role).toBe('translator')
    expect(self.name).toBe('Renamed')
    await expect(
      payload.update({
        collection: 'users',
        id: editor.id,
        overrideAccess: false,
        user: translator,
        data: { name: 'x' },
      }),
    ).rejects.toMatchObject({ status: 403 })

    const promoted = await payload.update({
      collection: 'users',
      id: translator.id,
      overrideAccess: false,
      user: admin,
      data: { role: 'editor' },
    })
    expect(promoted.role).toBe('editor')
    await payload.update({ collection: 'users', id: translator.id, data: { role: 'translator' } })
  })
})
