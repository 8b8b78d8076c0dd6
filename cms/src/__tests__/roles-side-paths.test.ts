import { copyDataFromLocaleHandler } from '@payloadcms/ui/utilities/copyDataFromLocale'
import { createLocalReq, type Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { schedulePublishForPublishers } from '../access/schedulePublish.ts'
import { adminTranslations } from '../i18n/admin/translations.ts'
import { staffPassword, testDatabase } from '../testing/payload.ts'
import { payloadForFile } from '../testing/payloadForFile.ts'
import { draftFixture, draftState, publicTitle } from './helpers/draftFixtures.ts'
import { httpClient } from './helpers/http.ts'
import { restAsForFile } from './helpers/restAsForFile.ts'

/**
 * The ways into a write besides plain REST (docs/adr/0024): GraphQL mutations, the admin's
 * "schedule-publish" server function and the job it queues, and the language of refusals.
 */

const cms = payloadForFile()
const rest = restAsForFile(cms)
let payload: Payload

beforeAll(() => {
  payload = cms.payload
})

describe(`GraphQL mutations run through the same guards (${testDatabase})`, () => {
  async function gqlAs(who: 'translator' | 'editor', query: string) {
    const http = httpClient(payload)
    const token = await http.login(rest.users[who].email, staffPassword)
    return http.graphql(query, { token })
  }

  it('a translator cannot duplicate a published document, publish, restore a published version or delete', async () => {
    const f = await draftFixture(payload, 'statements')
    const before = await draftState(payload, rest, 'statements', f.marker)
    const refused = [
      `mutation { duplicateStatement(id: ${f.solo}, data: { title: "${f.marker} copy" }) { id _status } }`,
      `mutation { createStatement(data: { title: "${f.marker} new", _status: published }) { id } }`,
      `mutation { updateStatement(id: ${f.draft}, data: { _status: published }) { id } }`,
      `mutation { updateStatement(id: ${f.solo}, data: { title: "${f.marker} x" }) { id } }`,
      `mutation { updateStatement(id: ${f.solo}, draft: true, data: { _status: published }) { id } }`,
      `mutation { restoreVersionStatement(id: ${f.liveOneVersion}) { id } }`,
      `mutation { restoreVersionStatement(id: ${f.draftOnTopVersion}) { id } }`,
      `mutation { deleteStatement(id: ${f.solo}) { id } }`,
    ]
    for (const query of refused) {
      const res = await gqlAs('translator', query)
      expect({ query, message: res.json.errors?.[0]?.message }).toEqual({
        query,
        message: expect.stringMatching(/editor/),
      })
    }
    expect(await draftState(payload, rest, 'statements', f.marker)).toEqual(before)
  })

  it('an editor duplicates a published document as published; a translator saves drafts and copies drafts', async () => {
    const f = await draftFixture(payload, 'press-kits')
    const copy = (id: number | string) =>
      `mutation { duplicatePressKit(id: ${id}, data: { title: "${f.marker} copy" }) { id _status } }`
    const published = await gqlAs('editor', copy(f.solo))
    expect(published.json.data.duplicatePressKit._status).toBe('published')
    expect(await publicTitle(rest, 'press-kits', published.json.data.duplicatePressKit.id)).toBe(`${f.marker} copy`)

    const copyOfDraft = await gqlAs('translator', copy(f.draft))
    expect(copyOfDraft.json.data.duplicatePressKit._status).toBe('draft')
    const draftSave = await gqlAs(
      'translator',
      `mutation { updatePressKit(id: ${f.solo}, draft: true, data: { title: "${f.marker} x" }) { id } }`,
    )
    expect(draftSave.json.errors).toBeUndefined()
    expect(await publicTitle(rest, 'press-kits', f.solo)).toBe(`${f.marker} solo`)
  })
})

describe(`scheduled publishing through the admin's server function (${testDatabase})`, () => {
  const schedule = async (
    who: 'translator' | 'editor',
    args: { type?: 'publish' | 'unpublish'; id?: number | string; deleteID?: number | string; at?: Date },
  ) =>
    schedulePublishForPublishers({
      req: await createLocalReq({ user: { ...rest.users[who], collection: 'users' } }, payload),
      type: args.type,
      date: args.at,
      deleteID: args.deleteID,
      doc: args.id === undefined ? undefined : { relationTo: 'notices', value: String(args.id) },
    } as never)
  const scheduledFor = async (id: number | string) =>
    (
      await payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'schedulePublish' } }, limit: 0 })
    ).docs.filter((job) => (job.input as { doc?: { value?: unknown } })?.doc?.value === String(id))

  it('refuses a translator scheduling a publication or an unpublication, or cancelling one', async () => {
    const f = await draftFixture(payload, 'notices')
    const soon = new Date(Date.now() + 60_000)
    for (const [type, id] of [
      ['publish', f.draft],
      ['unpublish', f.solo],
    ] as const) {
      await expect(schedule('translator', { type, id, at: soon })).rejects.toMatchObject({
        status: 403,
        message: adminTranslations.en.pressroom.access.scheduleNeedsPublisher,
      })
      expect(await scheduledFor(id)).toEqual([])
    }

    await schedule('editor', { type: 'publish', id: f.draft, at: soon })
    const [job] = await scheduledFor(f.draft)
    await expect(schedule('translator', { deleteID: job!.id })).rejects.toMatchObject({ status: 403 })
    expect((await scheduledFor(f.draft)).map((j) => j.id)).toEqual([job!.id])
  })

  it("runs an editor's scheduled publication and unpublication when they come due", async () => {
    const f = await draftFixture(payload, 'notices')
    const at = new Date(Date.now() + 500)
    await schedule('editor', { type: 'publish', id: f.draft, at })
    await schedule('editor', { type: 'unpublish', id: f.solo, at })
    expect(await publicTitle(rest, 'notices', f.draft)).toBeNull()

    await new Promise((resolve) => setTimeout(resolve, 1000))
    await payload.jobs.run({ where: { taskSlug: { equals: 'schedulePublish' } } })
    expect(await publicTitle(rest, 'notices', f.draft)).toBe(`${f.marker} draft two`)
    expect(await publicTitle(rest, 'notices', f.solo)).toBeNull()
  })
})

describe(`the admin's "copy from another language" is a draft save (${testDatabase})`, () => {
  const copyToRussian = async (who: 'translator', id: number | string) =>
    copyDataFromLocaleHandler({
      req: await createLocalReq({ user: { ...rest.users[who], collection: 'users' } }, payload),
      collectionSlug: 'statements',
      docID: id,
      fromLocale: 'en',
      toLocale: 'ru',
      overrideData: true,
    } as never)

  it('is refused to a translator while the newest version is published, and leaves the public text alone', async () => {
    const f = await draftFixture(payload, 'statements')
    const before = await draftState(payload, rest, 'statements', f.marker)
    await expect(copyToRussian('translator', f.solo)).rejects.toMatchObject({ status: 403 })
    expect(await draftState(payload, rest, 'statements', f.marker)).toEqual(before)

    await copyToRussian('translator', f.live)
    const russian = await payload.findByID({ collection: 'statements', id: f.live, locale: 'ru', draft: true })
    expect(russian.title).toBe(`${f.marker} unpublished wording`)
    expect(await publicTitle(rest, 'statements', f.live)).toBe(`${f.marker} live two`)
    const publicRu = await rest.call('anonymous', 'GET', `/statements/${f.live}?locale=ru&fallback-locale=none`)
    expect(publicRu.json.title ?? null).toBeNull()
  })
})

/** A refusal's words in each admin language, from the dictionaries (src/i18n/admin). */
const refused = (key: 'draftsOnly' | 'publishedCopy' | 'restoreChangesPublic') => ({
  en: adminTranslations.en.pressroom.access[key],
  ru: adminTranslations.ru.pressroom.access[key],
})

describe(`refusals speak the admin's language (${testDatabase})`, () => {
  it('in English and Russian, from each guard', async () => {
    const f = await draftFixture(payload, 'press-releases')
    const attempts = [
      {
        expected: refused('draftsOnly'),
        run: (language: 'en' | 'ru') =>
          rest.call('translator', 'PATCH', `/press-releases/${f.solo}`, { body: { title: 'x' }, language }),
      },
      {
        expected: refused('publishedCopy'),
        run: (language: 'en' | 'ru') =>
          rest.call('translator', 'POST', `/press-releases/${f.solo}/duplicate?draft=false`, { language }),
      },
      {
        expected: refused('restoreChangesPublic'),
        run: (language: 'en' | 'ru') =>
          rest.call('translator', 'POST', `/press-releases/versions/${f.draftOnTopVersion}`, { language }),
      },
    ]
    for (const attempt of attempts) {
      for (const language of ['en', 'ru'] as const) {
        const reply = await attempt.run(language)
        expect({ status: reply.status, message: reply.message }).toEqual({
          status: 403,
          message: attempt.expected[language],
        })
      }
    }

    const deleteRu = await rest.call('translator', 'DELETE', `/press-releases/${f.solo}`, { language: 'ru' })
    expect(deleteRu.message).toBe(
      'Ваша роль (переводчик) не позволяет удалять записи в разделе «Пресс-релизы». Обратитесь к редактору или администратору.',
    )
    const topicEn = await rest.call('translator', 'POST', '/topics', { body: { title: 'x' } })
    expect(topicEn.message).toBe(
      'Your role (translator) may not add topics. Ask an editor or an administrator to do it.',
    )
    const settingsRu = await rest.call('editor', 'POST', '/globals/site-settings', {
      body: { organizationName: 'x' },
      language: 'ru',
    })
    expect(settingsRu.message).toBe(
      'Ваша роль (редактор) не позволяет изменять записи в разделе «Настройки сайта». Обратитесь к администратору.',
    )
    const buildByHand = await rest.call('admin', 'DELETE', '/site-builds?where[id][exists]=true')
    expect(buildByHand.message).toBe('Nobody may delete site builds by hand: the CMS keeps them itself.')

    // The guard of the staff endpoints, and a malformed ID in their path (docs/adr/0041).
    const batchRu = await rest.call('translator', 'POST', '/mail-batches/1/give-up', { language: 'ru' })
    expect({ status: batchRu.status, message: batchRu.message }).toEqual({
      status: 403,
      message: 'Только администраторы и редакторы могут решать, что делать с почтовыми пакетами.',
    })
    const batchEn = await rest.call('translator', 'POST', '/mail-batches/1/give-up', { language: 'en' })
    expect({ status: batchEn.status, message: batchEn.message }).toEqual({
      status: 403,
      message: 'Only admins and editors may decide about e-mail batches.',
    })
    const notAnId = await rest.call('editor', 'POST', '/mail-batches/abc/give-up', { language: 'ru' })
    expect({ status: notAnId.status, message: notAnId.message }).toEqual({
      status: 404,
      message: '«abc» — не номер (ID) пакета.',
    })
  })
})

describe(`a copy is a new document (${testDatabase})`, () => {
  it('gets a slug of its own and, once published, a reference number of its own', async () => {
    const f = await draftFixture(payload, 'press-releases')
    const original = await payload.findByID({ collection: 'press-releases', id: f.solo })
    const draftCopy = await rest.call('editor', 'POST', `/press-releases/${f.solo}/duplicate`)
    const publishedCopy = await rest.call('editor', 'POST', `/press-releases/${f.solo}/duplicate?draft=false`)
    expect([draftCopy.status, publishedCopy.status]).toEqual([200, 200])

    const copies = [draftCopy.json.doc, publishedCopy.json.doc]
    expect(copies.map((c) => c.slug)).toEqual([`${original.slug}-2`, `${original.slug}-3`])
    expect(draftCopy.json.doc.referenceNumber ?? null).toBeNull()
    expect(draftCopy.json.doc.firstPublishedAt ?? null).toBeNull()
    expect(publishedCopy.json.doc.referenceNumber).toMatch(/^GC-PR-\d{4}-\d{3}$/)
    expect(publishedCopy.json.doc.referenceNumber).not.toBe(original.referenceNumber)
  })
})
