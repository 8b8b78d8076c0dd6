import { randomBytes } from 'node:crypto'
import type { Payload } from 'payload'
import { readFoundingStatement } from './foundingStatement.ts'
import { paragraphsToLexical } from './lexical.ts'
import { seedNoticeExamples } from './noticeExamples.ts'

export type SeedOptions = {
  adminEmail?: string
  /** When absent, a password is generated and returned once, the first time only. */
  adminPassword?: string
}

export type SeedResult = {
  created: string[]
  admin: { email: string; generatedPassword?: string; existed: boolean }
}

export const foundingStatementSlug = 'founding-statement'
export const defaultAdminEmail = 'admin@pressroom.localhost'

/**
 * Puts the initiative's starting content in an empty press room. Each item is created only if
 * it is missing, so running the seed again changes nothing.
 */
export async function seed(payload: Payload, options: SeedOptions = {}): Promise<SeedResult> {
  const created: string[] = []
  const context = { seeding: true }

  const settings = await payload.findGlobal({ slug: 'site-settings', depth: 0 })
  if (!settings.organizationName) {
    await payload.updateGlobal({
      slug: 'site-settings',
      locale: 'en',
      context,
      data: {
        organizationName: 'Global Citizens — Bring them home alive',
        organizationDescription:
          'A civil, non-political humanitarian initiative for a Permanent Mediation Mission in Moscow, so that citizens deprived of their liberty can return home to their families. PLACEHOLDER: replace with the approved wording.',
        siteUrl: 'http://localhost:4321',
        cmsUrl: 'http://localhost:3000',
        referencePrefix: 'GC',
        isPlaceholder: true,
      },
    })
    await payload.updateGlobal({
      slug: 'site-settings',
      locale: 'ru',
      context,
      data: {
        organizationName: 'Global Citizens — «Вернём их домой живыми»',
        organizationDescription:
          'Гражданская, неполитическая гуманитарная инициатива создания Постоянной посреднической миссии в Москве, чтобы лишённые свободы граждане могли вернуться домой к своим семьям. ЗАГЛУШКА: замените утверждённым текстом.',
      },
    })
    created.push('site settings (placeholder)')
  }

  const topic = await findOrCreate(payload, 'topics', 'mediation-mission', async () => {
    const doc = await payload.create({
      collection: 'topics',
      locale: 'en',
      context,
      data: {
        title: 'Mediation mission',
        slug: 'mediation-mission',
        description: 'The Permanent Mediation Mission in Moscow.',
      },
    })
    await payload.update({
      collection: 'topics',
      id: doc.id,
      locale: 'ru',
      context,
      data: { title: 'Посредническая миссия', description: 'Постоянная посредническая миссия в Москве.' },
    })
    created.push('topic "Mediation mission"')
    return doc
  })

  const contacts = await payload.find({
    collection: 'press-contacts',
    where: { email: { equals: 'press@example.org' } },
    limit: 1,
    depth: 0,
  })
  let contact = contacts.docs[0]
  if (!contact) {
    contact = await payload.create({
      collection: 'press-contacts',
      locale: 'en',
      context,
      data: {
        name: 'Press office (placeholder)',
        role: 'Replace with a real press contact before going live',
        email: 'press@example.org',
        phone: '+7 000 000-00-00',
        languages: ['en', 'ru'],
        isPlaceholder: true,
      },
    })
    await payload.update({
      collection: 'press-contacts',
      id: contact.id,
      locale: 'ru',
      context,
      data: { name: 'Пресс-служба (заглушка)', role: 'Замените настоящим контактом перед запуском' },
    })
    created.push('press contact (placeholder)')
  }

  await findOrCreate(payload, 'statements', foundingStatementSlug, async () => {
    const statement = readFoundingStatement()
    const doc = await payload.create({
      collection: 'statements',
      locale: 'en',
      context,
      data: {
        title: statement.titleEn,
        slug: foundingStatementSlug,
        summary:
          'Global Citizens announces an international civil initiative, "Bring them home alive", and proposes a Permanent Mediation Mission in Moscow.',
        place: 'Moscow',
        date: statement.date,
        body: paragraphsToLexical(statement.bodyEn),
        translationState: 'complete',
        topics: [topic.id],
        pressContacts: [contact.id],
        signatories: [{ name: 'Global Citizens | International Movement' }],
        _status: 'published',
      },
    })
    await payload.update({
      collection: 'statements',
      id: doc.id,
      locale: 'ru',
      context,
      data: {
        title: statement.titleRu,
        summary: 'Global Citizens объявляет о запуске международной гражданской инициативы «Вернём их домой живыми».',
        place: 'Москва',
        body: paragraphsToLexical([statement.leadRu]),
        translationState: 'partial',
        signatories: [{ id: doc.signatories?.[0]?.id, name: 'Global Citizens | Международное движение' }],
        _status: 'published',
      },
    })
    created.push(`statement "${foundingStatementSlug}"`)
    return doc
  })

  created.push(...(await seedNoticeExamples(payload, context, { topic: topic.id, contact: contact.id })))

  const admin = await ensureAdmin(payload, options)
  if (!admin.existed) created.push(`admin user ${admin.email}`)
  return { created, admin }
}

async function findOrCreate<T extends { id: number | string }>(
  payload: Payload,
  collection: 'topics' | 'statements',
  slug: string,
  create: () => Promise<T>,
): Promise<T> {
  const found = await payload.find({ collection, where: { slug: { equals: slug } }, limit: 1, depth: 0, draft: true })
  return (found.docs[0] as T | undefined) ?? (await create())
}

async function ensureAdmin(payload: Payload, options: SeedOptions): Promise<SeedResult['admin']> {
  const email = options.adminEmail ?? defaultAdminEmail
  const found = await payload.find({ collection: 'users', where: { email: { equals: email } }, limit: 1, depth: 0 })
  if (found.docs[0]) return { email, existed: true }
  const generatedPassword = options.adminPassword ? undefined : randomBytes(12).toString('base64url')
  await payload.create({
    collection: 'users',
    data: { email, password: options.adminPassword ?? generatedPassword, name: 'Administrator', role: 'admin' },
  })
  return { email, generatedPassword, existed: false }
}
