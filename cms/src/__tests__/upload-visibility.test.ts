import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { uploadUsers } from '../access/uploadVisibility.ts'
import { type StaffUser, staffPassword, testDatabase } from '../testing/payload.ts'
import { payloadForFile } from '../testing/payloadForFile.ts'
import { type ServedRest, serveRest } from '../testing/serveRest.ts'
import { minimalPdf } from './helpers/files.ts'

/**
 * Uploads are public only while something public uses them (docs/adr/0022), tried as an
 * outsider would: real HTTP to the CMS's own REST and GraphQL handlers, every transition.
 */
const cms = payloadForFile({ staff: ['editor', 'translator'] })
let payload: Payload
let server: ServedRest
let editor: StaffUser
let translator: StaffUser
let editorToken: string
let translatorToken: string

const hour = 3600_000
let counter = 0
const unique = (name: string) => `${name}-${++counter}`

/** A press release published under an embargo that ends in an hour, titled and named by its marker. */
const embargoedRelease = (marker: string, media?: number[]) =>
  payload.create({
    collection: 'press-releases',
    data: {
      title: marker,
      slug: marker,
      ...(media && { media }),
      embargoUntil: new Date(Date.now() + hour).toISOString(),
      _status: 'published',
    },
  })

/** Moves a release's embargo to `ms` from now (a negative `ms`: into the past). */
const moveEmbargo = (id: number, ms: number) =>
  payload.update({
    collection: 'press-releases',
    id,
    data: { embargoUntil: new Date(Date.now() + ms).toISOString() },
  })

beforeAll(async () => {
  payload = cms.payload
  ;({ editor, translator } = cms.staff)
  server = await serveRest(payload)
  editorToken = await login(editor)
  translatorToken = await login(translator)
})
afterAll(async () => {
  await server?.close()
})

type Answer = { status: number; json: any; text: string }

async function call(method: string, path: string, init: { token?: string; body?: unknown; language?: string } = {}) {
  const headers: Record<string, string> = {}
  if (init.token) headers.authorization = `JWT ${init.token}`
  if (init.language) headers['accept-language'] = init.language
  if (init.body !== undefined) headers['content-type'] = 'application/json'
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  })
  const text = await response.text()
  let json: any
  try {
    json = JSON.parse(text)
  } catch {
    json = undefined
  }
  return { status: response.status, json, text } satisfies Answer
}

const get = (path: string, token?: string) => call('GET', path, { token })
const graphql = (query: string, token?: string) => call('POST', '/api/graphql', { token, body: { query } })

async function login(user: StaffUser): Promise<string> {
  const res = await call('POST', '/api/users/login', { body: { email: user.email, password: staffPassword } })
  if (!res.json?.token) throw new Error(`login failed: ${res.text}`)
  return res.json.token
}

const jpeg = () =>
  sharp({ create: { width: 1600, height: 900, channels: 3, background: { r: 60, g: 90, b: 120 } } })
    .jpeg()
    .toBuffer()

type Upload = { collection: 'media' | 'documents'; id: number; files: string[]; marker: string }

async function newImage(): Promise<Upload> {
  const marker = unique('image')
  const data = await jpeg()
  const doc = await payload.create({
    collection: 'media',
    locale: 'en',
    file: { data, name: `${marker}.jpg`, mimetype: 'image/jpeg', size: data.length },
    data: { alt: `alt ${marker}`, caption: `caption ${marker}` },
  })
  const sizes = Object.values(doc.sizes ?? {})
    .map((size) => size?.filename)
    .filter((name): name is string => Boolean(name))
  expect(sizes.length).toBeGreaterThanOrEqual(5)
  return { collection: 'media', id: doc.id, files: [doc.filename!, ...sizes], marker }
}

async function newFile(): Promise<Upload> {
  const marker = unique('file')
  const pdf = minimalPdf()
  const doc = await payload.create({
    collection: 'documents',
    locale: 'en',
    file: { data: pdf, name: `${marker}.pdf`, mimetype: 'application/pdf', size: pdf.length },
    data: { title: `title ${marker}` },
  })
  return { collection: 'documents', id: doc.id, files: [doc.filename!], marker }
}

const graphqlNames = { media: ['Media', 'allMedia'], documents: ['Document', 'Documents'] } as const

/** Everything an anonymous reader gets for one upload, through every door. */
async function seenByOutsider(upload: Upload) {
  const [one, many] = graphqlNames[upload.collection]
  const list = await get(`/api/${upload.collection}?limit=1000&depth=0`)
  const listAll = await get(`/api/${upload.collection}?limit=1000&depth=0&locale=all`)
  const byId = await get(`/api/${upload.collection}/${upload.id}`)
  const files = await Promise.all(upload.files.map((name) => get(`/api/${upload.collection}/file/${name}`)))
  const gqlOne = await graphql(`{ ${one}(id: ${upload.id}) { id } }`)
  const gqlMany = await graphql(`{ ${many}(limit: 1000) { docs { id } } }`)
  const listed = (answer: Answer) =>
    answer.json.docs.some((doc: { id: unknown }) => String(doc.id) === String(upload.id))
  return {
    list: listed(list),
    listAllLocales: listed(listAll),
    byId: byId.status,
    files: files.map((file) => file.status),
    graphqlOne: gqlOne.json.data?.[one]?.id ?? null,
    graphqlMany: gqlMany.json.data[many].docs.some((doc: { id: unknown }) => String(doc.id) === String(upload.id)),
    markerInAnyAnswer: [list, listAll, byId, gqlOne, gqlMany].some((answer) => answer.text.includes(upload.marker)),
  }
}

async function expectPublic(upload: Upload) {
  expect(await seenByOutsider(upload)).toEqual({
    list: true,
    listAllLocales: true,
    byId: 200,
    files: upload.files.map(() => 200),
    graphqlOne: upload.id,
    graphqlMany: true,
    markerInAnyAnswer: true,
  })
}

async function expectHidden(upload: Upload) {
  expect(await seenByOutsider(upload)).toEqual({
    list: false,
    listAllLocales: false,
    byId: 404,
    files: upload.files.map(() => 404),
    graphqlOne: null,
    graphqlMany: false,
    markerInAnyAnswer: false,
  })
}

/** A rich text body holding one upload node. */
const bodyWith = (upload: Upload): never =>
  ({
    root: {
      type: 'root',
      version: 1,
      direction: null,
      format: '',
      indent: 0,
      children: [
        {
          type: 'paragraph',
          version: 1,
          direction: null,
          format: '',
          indent: 0,
          textFormat: 0,
          children: [{ type: 'text', version: 1, text: 'See below.', format: 0, detail: 0, mode: 'normal', style: '' }],
        },
        {
          type: 'upload',
          version: 3,
          format: '',
          id: `node-${upload.id}`,
          fields: null,
          relationTo: upload.collection,
          value: upload.id,
        },
      ],
    },
  }) as never

describe(`uploads are public only while something public uses them (${testDatabase})`, () => {
  it('a new upload is hidden from outsiders, and staff see it', async () => {
    const image = await newImage()
    const file = await newFile()
    await expectHidden(image)
    await expectHidden(file)
    const staffList = await get('/api/media?limit=1000', editorToken)
    expect(staffList.json.docs.map((doc: { id: unknown }) => doc.id)).toContain(image.id)
    for (const name of image.files) expect((await get(`/api/media/file/${name}`, translatorToken)).status).toBe(200)
  })

  it('draft → published: related media, related documents and uploads in the rich text follow the publication', async () => {
    const [image, file, inBody, fileInBody] = [await newImage(), await newFile(), await newImage(), await newFile()]
    const statement = await payload.create({
      collection: 'statements',
      locale: 'en',
      draft: true,
      data: {
        title: 'Draft statement',
        media: [image.id],
        documents: [file.id],
        body: bodyWith(inBody),
        _status: 'draft',
      },
    })
    await payload.update({
      collection: 'statements',
      id: statement.id,
      locale: 'ru',
      draft: true,
      data: { body: bodyWith(fileInBody) },
    })
    for (const upload of [image, file, inBody, fileInBody]) await expectHidden(upload)

    await payload.update({ collection: 'statements', id: statement.id, data: { _status: 'published' } })
    for (const upload of [image, file, inBody, fileInBody]) await expectPublic(upload)
    // The list the body's uploads are kept in is for staff only.
    const outsider = await get(`/api/statements/${statement.id}?locale=all`)
    expect(outsider.json).not.toHaveProperty('bodyMedia')
    expect(outsider.json).not.toHaveProperty('bodyDocuments')
  })

  it('a draft that adds an image to a published document does not make it public; publishing it does', async () => {
    const image = await newImage()
    const inBody = await newImage()
    const statement = await payload.create({ collection: 'statements', data: { title: 'Live', _status: 'published' } })
    await payload.update({
      collection: 'statements',
      id: statement.id,
      draft: true,
      data: { media: [image.id], body: bodyWith(inBody), _status: 'draft' },
    })
    await expectHidden(image)
    await expectHidden(inBody)
    await payload.update({ collection: 'statements', id: statement.id, data: { _status: 'published' } })
    await expectPublic(image)
    await expectPublic(inBody)
  })

  it('embargo: hidden before it, public the instant it passes (moved into the past), hidden again when moved later', async () => {
    const image = await newImage()
    const file = await newFile()
    const release = await payload.create({
      collection: 'press-releases',
      data: {
        title: 'Embargoed',
        media: [image.id],
        documents: [file.id],
        embargoUntil: new Date(Date.now() + 24 * hour).toISOString(),
        _status: 'published',
      },
    })
    await expectHidden(image)
    await expectHidden(file)

    await moveEmbargo(release.id, -1000)
    await expectPublic(image)
    await expectPublic(file)

    await moveEmbargo(release.id, hour)
    await expectHidden(image)
    await expectHidden(file)
  })

  it('embargo: time alone makes the files public, with nothing saved at that instant', async () => {
    const image = await newImage()
    const embargoUntil = new Date(Date.now() + 4000)
    await payload.create({
      collection: 'press-releases',
      data: {
        title: 'Short embargo',
        media: [image.id],
        embargoUntil: embargoUntil.toISOString(),
        _status: 'published',
      },
    })
    await expectHidden(image)
    await new Promise((resolve) => setTimeout(resolve, embargoUntil.getTime() - Date.now() + 200))
    await expectPublic(image)
  })

  it('unpublished or deleted: the files stop being public at once', async () => {
    const kept = await newImage()
    const unpublished = await payload.create({
      collection: 'notices',
      data: { title: 'Notice', media: [kept.id], _status: 'published' },
    })
    await expectPublic(kept)
    await payload.update({ collection: 'notices', id: unpublished.id, data: { _status: 'draft' } })
    await expectHidden(kept)

    const gone = await newFile()
    const deleted = await payload.create({
      collection: 'statements',
      data: { title: 'Deleted', documents: [gone.id], _status: 'published' },
    })
    await expectPublic(gone)
    await payload.delete({ collection: 'statements', id: deleted.id })
    await expectHidden(gone)
  })

  it('another public user keeps a file public when one goes away', async () => {
    const shared = await newImage()
    const first = await payload.create({
      collection: 'statements',
      data: { title: 'First', media: [shared.id], _status: 'published' },
    })
    await payload.create({ collection: 'press-kits', data: { title: 'Kit', media: [shared.id], _status: 'published' } })
    await payload.update({ collection: 'statements', id: first.id, data: { _status: 'draft' } })
    await expectPublic(shared)
  })

  it('press kits: a published kit makes its files public; a draft kit does not; removal hides them', async () => {
    const image = await newImage()
    const file = await newFile()
    const kit = await payload.create({
      collection: 'press-kits',
      draft: true,
      data: { title: 'Kit', media: [image.id], documents: [file.id], _status: 'draft' },
    })
    await expectHidden(image)
    await payload.update({ collection: 'press-kits', id: kit.id, data: { _status: 'published' } })
    await expectPublic(image)
    await expectPublic(file)
    await payload.update({ collection: 'press-kits', id: kit.id, data: { media: [], documents: [file.id] } })
    await expectHidden(image)
    await expectPublic(file)
    await payload.delete({ collection: 'press-kits', id: kit.id })
    await expectHidden(file)
  })

  it('public on its own: an editor’s choice, recorded with who and when, logged, and undone', async () => {
    const image = await newImage()
    const logged: unknown[] = []
    const info = payload.logger.info.bind(payload.logger)
    payload.logger.info = ((...args: unknown[]) => {
      logged.push(args)
      return (info as (...a: unknown[]) => void)(...args)
    }) as typeof payload.logger.info
    try {
      const on = await call('PATCH', `/api/media/${image.id}`, { token: editorToken, body: { publicOnItsOwn: true } })
      expect(on.status).toBe(200)
      expect(on.json.doc.publicOnItsOwnSetBy).toBe(editor.email)
      expect(Date.now() - Date.parse(on.json.doc.publicOnItsOwnSetAt)).toBeLessThan(60_000)
      await expectPublic(image)
      // The choice and its record are for staff only.
      const outsider = await get(`/api/media/${image.id}`)
      for (const field of ['publicOnItsOwn', 'publicOnItsOwnSetBy', 'publicOnItsOwnSetAt'])
        expect(outsider.json).not.toHaveProperty(field)

      const off = await call('PATCH', `/api/media/${image.id}`, { token: editorToken, body: { publicOnItsOwn: false } })
      expect(off.status).toBe(200)
      await expectHidden(image)
    } finally {
      payload.logger.info = info
    }
    const lines = logged.map((args) => JSON.stringify(args))
    expect(
      lines.filter((line) => line.includes(`media ${image.id} made public on its own by ${editor.email}`)),
    ).toHaveLength(1)
    expect(
      lines.filter((line) => line.includes(`media ${image.id} no longer public on its own by ${editor.email}`)),
    ).toHaveLength(1)
  })

  it('staff fields written by hand are ignored: nobody sets who made a file public', async () => {
    const file = await newFile()
    const res = await call('PATCH', `/api/documents/${file.id}`, {
      token: editorToken,
      body: {
        publicOnItsOwn: true,
        publicOnItsOwnSetBy: 'someone else',
        publicOnItsOwnSetAt: '2000-01-01T00:00:00.000Z',
      },
    })
    expect(res.json.doc.publicOnItsOwnSetBy).toBe(editor.email)
    expect(res.json.doc.publicOnItsOwnSetAt).not.toBe('2000-01-01T00:00:00.000Z')
    await expectPublic(file)
  })
})

describe(`translators and uploads (${testDatabase})`, () => {
  async function upload(token: string, extra: Record<string, unknown> = {}, language?: string) {
    const form = new FormData()
    form.append(
      'file',
      new Blob([new Uint8Array(minimalPdf())], { type: 'application/pdf' }),
      `${unique('translated')}.pdf`,
    )
    form.append('_payload', JSON.stringify({ title: 'Uploaded by a translator', ...extra }))
    const headers: Record<string, string> = { authorization: `JWT ${token}` }
    if (language) headers['accept-language'] = language
    const response = await fetch(`${server.url}/api/documents`, { method: 'POST', headers, body: form })
    return { status: response.status, json: (await response.json()) as any }
  }

  it('uploads new files and edits those nothing public uses, file included', async () => {
    const created = await upload(translatorToken)
    expect(created.status).toBe(201)
    const id = created.json.doc.id
    const edited = await call('PATCH', `/api/documents/${id}`, { token: translatorToken, body: { title: 'Retitled' } })
    expect(edited.status).toBe(200)
    const form = new FormData()
    form.append(
      'file',
      new Blob([new Uint8Array(minimalPdf())], { type: 'application/pdf' }),
      `${unique('replaced')}.pdf`,
    )
    form.append('_payload', JSON.stringify({}))
    const replaced = await fetch(`${server.url}/api/documents/${id}`, {
      method: 'PATCH',
      headers: { authorization: `JWT ${translatorToken}` },
      body: form,
    })
    expect(replaced.status).toBe(200)
  })

  it('may not change a public upload, its file or a public field, with a message in the admin’s language', async () => {
    const image = await newImage()
    await payload.create({
      collection: 'statements',
      data: { title: 'Uses it', media: [image.id], _status: 'published' },
    })

    const english = await call('PATCH', `/api/media/${image.id}`, { token: translatorToken, body: { alt: 'Changed' } })
    expect(english.status).toBe(403)
    expect(english.json.errors[0].message).toMatch(/This file is public.*upload a new file, or ask an editor/)
    const russian = await call('PATCH', `/api/media/${image.id}?locale=ru`, {
      token: translatorToken,
      body: { caption: 'Изменено' },
      language: 'ru',
    })
    expect(russian.status).toBe(403)
    expect(russian.json.errors[0].message).toMatch(/Этот файл публичен.*обратитесь к редактору/)

    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(await jpeg())], { type: 'image/jpeg' }), `${unique('swap')}.jpg`)
    form.append('_payload', JSON.stringify({}))
    const swapped = await fetch(`${server.url}/api/media/${image.id}`, {
      method: 'PATCH',
      headers: { authorization: `JWT ${translatorToken}` },
      body: form,
    })
    expect(swapped.status).toBe(403)
    const bulk = await call('PATCH', `/api/media?where[id][equals]=${image.id}`, {
      token: translatorToken,
      body: { alt: 'Bulk' },
    })
    expect(bulk.status).toBe(403)

    const after = await payload.findByID({ collection: 'media', id: image.id, locale: 'all' })
    expect(after.alt).toEqual({ en: `alt ${image.marker}` })
    expect(after.filename).toBe(image.files[0])
    // Saving it unchanged (as the admin's form does) is not a change.
    const same = await call('PATCH', `/api/media/${image.id}`, {
      token: translatorToken,
      body: { alt: `alt ${image.marker}` },
    })
    expect(same.status).toBe(200)
    // An editor may.
    expect(
      (await call('PATCH', `/api/media/${image.id}`, { token: editorToken, body: { alt: 'Changed' } })).status,
    ).toBe(200)
  })

  it('may neither make a file public on its own nor delete one', async () => {
    const refusedCreate = await upload(translatorToken, { publicOnItsOwn: true }, 'ru')
    expect(refusedCreate.status).toBe(403)
    expect(refusedCreate.json.errors[0].message).toMatch(/могут только редакторы и администраторы/)

    const file = await newFile()
    const refused = await call('PATCH', `/api/documents/${file.id}`, {
      token: translatorToken,
      body: { publicOnItsOwn: true },
    })
    expect(refused.status).toBe(403)
    expect(refused.json.errors[0].message).toMatch(/Only editors and admins can make a file public on its own/)
    await expectHidden(file)

    expect((await call('DELETE', `/api/documents/${file.id}`, { token: translatorToken })).status).toBe(403)
    await payload.update({ collection: 'documents', id: file.id, data: { publicOnItsOwn: true } })
    // Duplicating an upload that is public on its own makes nothing new public.
    const publicBefore = (await get('/api/documents?limit=1000&depth=0')).json.totalDocs
    const duplicate = await call('POST', `/api/documents/${file.id}/duplicate`, { token: translatorToken, body: {} })
    expect([200, 201, 403]).toContain(duplicate.status)
    expect((await get('/api/documents?limit=1000&depth=0')).json.totalDocs).toBe(publicBefore)
    await payload.update({ collection: 'documents', id: file.id, data: { publicOnItsOwn: false } })
    await payload.update({ collection: 'documents', id: file.id, data: { publicOnItsOwn: true } })
    const unset = await call('PATCH', `/api/documents/${file.id}`, {
      token: translatorToken,
      body: { publicOnItsOwn: false },
    })
    expect(unset.status).toBe(403)
    await expectPublic(file)
  })
})

describe(`side doors (${testDatabase})`, () => {
  it('a published kit names only the publications the public may read, at every depth, in REST and GraphQL', async () => {
    const marker = unique('unreleased')
    const visible = await payload.create({
      collection: 'statements',
      data: { title: 'Public statement', _status: 'published' },
    })
    const draft = await payload.create({
      collection: 'statements',
      draft: true,
      data: { title: marker, _status: 'draft' },
    })
    const embargoed = await embargoedRelease(marker)
    const kit = await payload.create({
      collection: 'press-kits',
      data: {
        title: 'Kit with secrets',
        publications: [
          { relationTo: 'statements', value: visible.id },
          { relationTo: 'statements', value: draft.id },
          { relationTo: 'press-releases', value: embargoed.id },
        ],
        _status: 'published',
      },
    })
    const named = (publications: { relationTo: string; value: unknown }[]) =>
      publications.map(
        (entry) =>
          `${entry.relationTo}:${typeof entry.value === 'object' ? (entry.value as { id: unknown }).id : entry.value}`,
      )
    for (const depth of [0, 1, 2, 3]) {
      for (const locale of ['en', 'ru', 'all']) {
        const one = await get(`/api/press-kits/${kit.id}?depth=${depth}&locale=${locale}`)
        expect(named(one.json.publications), `depth ${depth} ${locale}`).toEqual([`statements:${visible.id}`])
        const list = await get(`/api/press-kits?depth=${depth}&locale=${locale}&draft=true`)
        const listed = list.json.docs.find((doc: { id: unknown }) => doc.id === kit.id)
        expect(named(listed.publications)).toEqual([`statements:${visible.id}`])
        for (const answer of [one, list]) {
          expect(answer.text).not.toContain(marker)
          expect(answer.text).not.toMatch(new RegExp(`"relationTo":"press-releases","value":${embargoed.id}\\b`))
        }
      }
    }
    const gql = await graphql(
      `{ PressKit(id: ${kit.id}) { publications { relationTo value { ... on Statement { id title } ... on PressRelease { id title } } } } }`,
    )
    expect(gql.json.data.PressKit.publications).toEqual([
      { relationTo: 'statements', value: { id: visible.id, title: 'Public statement' } },
    ])
    expect(gql.text).not.toContain(marker)

    const staff = await get(`/api/press-kits/${kit.id}?depth=0`, editorToken)
    expect(staff.json.publications).toHaveLength(3)

    // A trusted save with no user (a script, a job) reads the stored kit before merging into it:
    // the hidden entries must survive it.
    await payload.update({ collection: 'press-kits', id: kit.id, locale: 'ru', data: { title: 'Кит' } })
    expect((await get(`/api/press-kits/${kit.id}?depth=0`, editorToken)).json.publications).toHaveLength(3)

    await moveEmbargo(embargoed.id, -1000)
    const released = await get(`/api/press-kits/${kit.id}?depth=0`)
    expect(named(released.json.publications)).toEqual([`statements:${visible.id}`, `press-releases:${embargoed.id}`])
  })

  it('the e-mail queued for an embargo’s end, and the mail records, are nothing an outsider can fetch', async () => {
    const marker = unique('mailsecret')
    const release = await embargoedRelease(marker)
    const jobs = await payload.find({
      collection: 'payload-jobs',
      where: { taskSlug: { equals: 'planPublicationSend' } },
    })
    const job = jobs.docs.find((doc) => (doc.input as { id?: unknown }).id === release.id)
    expect(job?.waitUntil).toBeTruthy()

    for (const collection of [
      'payload-jobs',
      'sends',
      'deliveries',
      'mail-batches',
      'mail-events',
      'suppressions',
      'subscribers',
    ]) {
      const list = await get(`/api/${collection}?limit=100&depth=2`)
      expect({ collection, status: list.status }).toEqual({ collection, status: 403 })
      expect(list.text).not.toContain(marker)
    }
    const byId = await get(`/api/payload-jobs/${job!.id}?depth=2`)
    expect([403, 404]).toContain(byId.status)
    expect(byId.text).not.toContain(marker)
    expect(byId.text).not.toContain('planPublicationSend')

    const schema = await graphql('{ __schema { queryType { fields { name } } } }')
    const queries: string[] = schema.json.data.__schema.queryType.fields.map((field: { name: string }) => field.name)
    const mailQueries = queries.filter(
      (name) =>
        /job|send|deliver|mail|suppression|subscriber/i.test(name) && !/^(count|docAccess|versions?)/.test(name),
    )
    expect(mailQueries.length).toBeGreaterThan(5)
    for (const name of mailQueries) {
      const answer = await graphql(`{ ${name} { __typename } }`)
      expect(answer.text).not.toContain(marker)
      const data = answer.json.data?.[name]
      expect({ name, data: data ?? null }).toEqual({ name, data: null })
    }
  })

  it('the build hook is told that the site changed, never which document', async () => {
    const received: string[] = []
    const hook: Server = createServer(async (req, res) => {
      let body = ''
      for await (const chunk of req) body += chunk
      received.push(body)
      res.writeHead(200).end('ok')
    })
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve))
    const saved = { ...process.env }
    Object.assign(process.env, {
      SITE_BUILD: 'on',
      SITE_BUILD_HOOK_URL: `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`,
    })
    try {
      const marker = unique('hooksecret')
      const image = await newImage()
      const release = await embargoedRelease(marker, [image.id])
      await moveEmbargo(release.id, 2 * hour)
      const draft = await payload.create({
        collection: 'statements',
        data: { title: marker, slug: `${marker}-statement`, _status: 'published' },
      })
      await payload.update({ collection: 'statements', id: draft.id, data: { _status: 'draft' } })
      const builds = await payload.find({
        collection: 'site-builds',
        where: { status: { equals: 'queued' } },
        limit: 100,
      })
      // Staff see why the site is rebuilt; the hook does not.
      expect(JSON.stringify(builds.docs.map((build) => build.reasons))).toContain(marker)
      for (const build of builds.docs)
        await payload.update({
          collection: 'payload-jobs',
          id: build.job!,
          data: { waitUntil: new Date(Date.now() - 1000).toISOString() },
        })
      await payload.jobs.run({ queue: 'site', limit: 100, silent: true })
      expect(received.length).toBeGreaterThan(0)
      for (const body of received) {
        expect(Object.keys(JSON.parse(body)).sort()).toEqual(['build', 'event', 'requestedAt', 'sentAt'])
        expect(body).not.toContain(marker)
        expect(body).not.toContain(image.marker)
      }
    } finally {
      for (const name of ['SITE_BUILD', 'SITE_BUILD_HOOK_URL']) {
        if (saved[name] === undefined) delete process.env[name]
        else process.env[name] = saved[name]
      }
      await new Promise((resolve) => hook.close(resolve))
    }
  })
})

describe('the rule covers every public place that points at uploads', () => {
  type AnyField = {
    type: string
    name?: string
    relationTo?: string | string[]
    fields?: AnyField[]
    tabs?: AnyField[]
    blocks?: { fields: AnyField[] }[]
  }
  const uploadFields = (fields: AnyField[]): AnyField[] =>
    fields.flatMap((field) => {
      const targets = [field.relationTo ?? []].flat()
      const own =
        (field.type === 'relationship' || field.type === 'upload') &&
        targets.some((t) => t === 'media' || t === 'documents')
      const inner = [
        ...(field.fields ?? []),
        ...(field.tabs ?? []),
        ...(field.blocks ?? []).flatMap((block) => block.fields),
      ]
      return [...(own || field.type === 'richText' ? [field] : []), ...uploadFields(inner)]
    })

  it('names every relationship and rich text field of a publicly readable collection or global', async () => {
    const anonymous = { req: { user: null, payload } } as never
    const uncovered: string[] = []
    for (const collection of payload.config.collections) {
      // The upload collections hold the files themselves: their read access is the rule.
      if (collection.slug === 'media' || collection.slug === 'documents') continue
      const read = collection.access.read
      const readable = read ? await read(anonymous) : false
      if (!readable) continue
      const user = uploadUsers.find((u) => u.collection === collection.slug)
      const covered = new Set([...(user?.fields.media ?? []), ...(user?.fields.documents ?? [])])
      for (const field of uploadFields(collection.fields as unknown as AnyField[])) {
        // Rich text is covered through the uploads derived from it (fields/bodyUploads.ts).
        const name = field.type === 'richText' && field.name === 'body' ? 'bodyMedia' : field.name
        if (!name || !covered.has(name)) uncovered.push(`${collection.slug}.${field.name}`)
      }
    }
    for (const global of payload.config.globals) {
      for (const field of uploadFields(global.fields as unknown as AnyField[]))
        uncovered.push(`${global.slug}.${field.name}`)
    }
    expect(uncovered).toEqual([])
    expect(uploadUsers.map((u) => u.collection).sort()).toEqual([
      'notices',
      'press-kits',
      'press-releases',
      'statements',
    ])
  })
})
