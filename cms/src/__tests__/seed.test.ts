import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { planDispatch } from '../notices/dispatch/planDispatch.ts'
import { examplePressKitSlug, foundingStatementSlug, placeholderImageFilename, seed } from '../seed/index.ts'
import { lexicalToParagraphs } from '../seed/lexical.ts'
import { exampleGroupName, exampleNoticeSlug } from '../seed/noticeExamples.ts'
import { type StartedPayload, startPayload, testDatabase } from '../testing/payload.ts'

let started: StartedPayload
let payload: Payload

beforeAll(async () => {
  started = await startPayload()
  payload = started.payload
})
afterAll(async () => {
  await started?.stop()
})

const collections = [
  'statements',
  'notices',
  'topics',
  'press-contacts',
  'users',
  'reference-counters',
  'media',
  'press-kits',
  'recipients',
  'distribution-groups',
] as const

async function snapshot() {
  const state: Record<string, unknown> = {}
  for (const collection of collections) {
    const found = await payload.find({ collection, locale: 'all', limit: 0, depth: 0, draft: true })
    state[collection] = found.docs.map((d) => ({ id: d.id, updatedAt: d.updatedAt }))
  }
  state.versions = (await payload.countVersions({ collection: 'statements' })).totalDocs
  state.noticeVersions = (await payload.countVersions({ collection: 'notices' })).totalDocs
  state.settings = (await payload.findGlobal({ slug: 'site-settings', locale: 'all' })).updatedAt
  return state
}

describe(`seed (${testDatabase})`, () => {
  it('publishes the founding statement in English with a partial Russian translation', async () => {
    const result = await seed(payload, { adminPassword: 'a-seeded-password-for-tests' })
    expect(result.created).toContain(`statement "${foundingStatementSlug}"`)
    expect(result.admin.generatedPassword).toBeUndefined()

    const [en] = (
      await payload.find({
        collection: 'statements',
        where: { slug: { equals: foundingStatementSlug } },
        overrideAccess: false,
      })
    ).docs
    expect(en?._status).toBe('published')
    expect(en?.title).toMatch(/^Regarding the search for solutions/)
    expect(en?.referenceNumber).toBe('GC-ST-2021-001')
    expect(en?.date?.slice(0, 10)).toBe('2021-09-11')
    const paragraphs = lexicalToParagraphs(en?.body)
    expect(paragraphs[0]).toMatch(/^Guided by the purposes and principles of the Charter of the United Nations/)
    expect(paragraphs.some((p) => p.startsWith('11. Decides also that the two official languages'))).toBe(true)

    const ru = await payload.findByID({ collection: 'statements', id: en!.id, locale: 'ru', fallbackLocale: false })
    expect(ru.translationState).toBe('partial')
    expect(ru.title).toMatch(/^О поиске решений/)
    expect(lexicalToParagraphs(ru.body)).toEqual([expect.stringMatching(/^Global Citizens объявляет о запуске/)])
    expect(ru.referenceNumber).toBe(en?.referenceNumber)

    const settings = await payload.findGlobal({ slug: 'site-settings', locale: 'ru' })
    expect(settings.isPlaceholder).toBe(true)
    expect(settings.organizationName).toContain('Вернём их домой живыми')
    const contacts = await payload.find({ collection: 'press-contacts' })
    expect(contacts.docs).toHaveLength(1)
    expect(contacts.docs[0]?.isPlaceholder).toBe(true)
    expect(contacts.docs[0]?.name).toMatch(/placeholder/i)

    const token = await payload.login({
      collection: 'users',
      data: { email: result.admin.email, password: 'a-seeded-password-for-tests' },
    })
    expect(token.user?.role).toBe('admin')
  })

  it('puts the founding statement and a credited placeholder image in a published example press kit', async () => {
    const [kit] = (
      await payload.find({
        collection: 'press-kits',
        where: { slug: { equals: examplePressKitSlug } },
        locale: 'ru',
        depth: 1,
        overrideAccess: false,
      })
    ).docs
    expect(kit).toMatchObject({ _status: 'published', title: 'Учредительные документы' })
    expect(kit?.publications).toEqual([
      { relationTo: 'statements', value: expect.objectContaining({ slug: foundingStatementSlug }) },
    ])
    const [image] = kit?.media ?? []
    expect(image).toMatchObject({
      filename: placeholderImageFilename,
      mimeType: 'image/jpeg',
      width: 1800,
      credit: 'Press room',
      licence: expect.stringContaining('CC0'),
      alt: expect.stringContaining('заглушка'),
    })
    expect(typeof image === 'object' && image?.sizes?.webWebp?.mimeType).toBe('image/webp')
    expect(kit?.pressContacts).toHaveLength(1)
    // The placeholder flag and the consent note are for staff only (docs/adr/0025).
    expect(kit).not.toHaveProperty('isPlaceholder')
    expect(image).not.toHaveProperty('consentNote')
    const staffView = await payload.findByID({ collection: 'press-kits', id: kit!.id, depth: 1 })
    expect(staffView.isPlaceholder).toBe(true)
    expect(staffView.media?.[0]).toMatchObject({ consentNote: expect.stringContaining('No person is shown') })
  })

  it('adds an example group of example recipients and a published example notice that can be dispatched to it', async () => {
    const groups = await payload.find({
      collection: 'distribution-groups',
      where: { name: { equals: exampleGroupName } },
      locale: 'en',
    })
    expect(groups.totalDocs).toBe(1)
    const members = await payload.find({
      collection: 'recipients',
      where: { groups: { equals: groups.docs[0]!.id } },
      pagination: false,
      depth: 0,
    })
    expect(members.docs).toHaveLength(3)
    expect(new Set(members.docs.map((m) => m.preferredLanguage))).toEqual(new Set(['en', 'ru']))
    for (const member of members.docs) {
      expect(member.name).toMatch(/\(example\)$/)
      expect(member.notes).toMatch(/^EXAMPLE/)
      for (const email of member.emails ?? []) expect(email.address).toMatch(/@example\.org$/)
    }

    const notices = await payload.find({
      collection: 'notices',
      where: { slug: { equals: exampleNoticeSlug } },
      overrideAccess: false,
      locale: 'all',
    })
    const notice = notices.docs[0] as any
    expect(notice._status).toBe('published')
    expect(notice.referenceNumber).toMatch(/^GC-NT-\d{4}-001$/)
    expect(notice.title.en).toMatch(/\(example\)$/)
    expect(notice.title.ru).toMatch(/\(пример\)$/)
    expect(notice.addressees[0].group).toEqual({ en: 'Embassies in Moscow', ru: 'Посольства в Москве' })

    const dispatch = await payload.create({
      collection: 'dispatches',
      data: { notice: notice.id, groups: [groups.docs[0]!.id] } as never,
    })
    const plan = await planDispatch(payload, dispatch.id)
    expect(plan).toMatchObject({ total: 3, created: 3, byChannel: { email: 2, 'hand-delivery': 1 } })
  })

  it('changes nothing when run again', async () => {
    const before = await snapshot()
    const again = await seed(payload)
    expect(again.created).toEqual([])
    expect(again.admin.existed).toBe(true)
    expect(again.admin.generatedPassword).toBeUndefined()
    expect(await snapshot()).toEqual(before)
  })

  it('generates an admin password once when none is given', async () => {
    const first = await seed(payload, { adminEmail: 'second-admin@test.localhost' })
    expect(first.admin.generatedPassword).toMatch(/^[\w-]{16}$/)
    const login = await payload.login({
      collection: 'users',
      data: { email: 'second-admin@test.localhost', password: first.admin.generatedPassword! },
    })
    expect(login.user?.email).toBe('second-admin@test.localhost')
    const second = await seed(payload, { adminEmail: 'second-admin@test.localhost' })
    expect(second.admin.generatedPassword).toBeUndefined()
  })
})
