import { randomBytes } from 'node:crypto'
import type { Payload } from 'payload'
import sharp from 'sharp'
import { findOrCreate } from './findOrCreate.ts'
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

  const topic = await findOrCreate(payload, 'topics', { slug: { equals: 'mediation-mission' } }, async () => {
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

  const contact = await findOrCreate(
    payload,
    'press-contacts',
    { email: { equals: 'press@example.org' } },
    async () => {
      const doc = await payload.create({
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
        id: doc.id,
        locale: 'ru',
        context,
        data: { name: 'Пресс-служба (заглушка)', role: 'Замените настоящим контактом перед запуском' },
      })
      created.push('press contact (placeholder)')
      return doc
    },
  )

  const statement = await findOrCreate(payload, 'statements', { slug: { equals: foundingStatementSlug } }, async () => {
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

  await seedPressKit(payload, { statementId: statement.id, contactId: contact.id, created, context })
  created.push(...(await seedNoticeExamples(payload, context, { topic: topic.id, contact: contact.id })))

  const admin = await ensureAdmin(payload, options)
  if (!admin.existed) created.push(`admin user ${admin.email}`)
  return { created, admin }
}

export const examplePressKitSlug = 'founding-documents'
export const placeholderImageFilename = 'press-room-placeholder.jpg'

/**
 * A sober placeholder picture (a blue-grey gradient), drawn here so the project ships no
 * photograph whose rights it would have to track.
 */
async function placeholderImage(): Promise<Buffer> {
  const width = 1800
  const height = 1200
  const pixels = Buffer.alloc(width * height * 3)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const t = (x / width) * 0.7 + (y / height) * 0.3
      const offset = (y * width + x) * 3
      pixels[offset] = Math.round(47 + t * 44)
      pixels[offset + 1] = Math.round(62 + t * 45)
      pixels[offset + 2] = Math.round(78 + t * 44)
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 90 })
    .toBuffer()
}

async function seedPressKit(
  payload: Payload,
  seeded: { statementId: number; contactId: number; created: string[]; context: { seeding: boolean } },
) {
  const { context, created } = seeded
  const image = await findOrCreate(payload, 'media', { filename: { equals: placeholderImageFilename } }, async () => {
    const data = await placeholderImage()
    const doc = await payload.create({
      collection: 'media',
      locale: 'en',
      context,
      file: { data, name: placeholderImageFilename, mimetype: 'image/jpeg', size: data.length },
      data: {
        alt: 'A plain blue-grey gradient (placeholder image)',
        caption: 'PLACEHOLDER image: replace with a photograph of the initiative before going live.',
        credit: 'Press room',
        licence: 'CC0 1.0 (public domain dedication)',
        consentNote: 'No person is shown; no consent is needed.',
      },
    })
    await payload.update({
      collection: 'media',
      id: doc.id,
      locale: 'ru',
      context,
      data: {
        alt: 'Ровный сине-серый градиент (изображение-заглушка)',
        caption: 'ЗАГЛУШКА: замените фотографией инициативы перед запуском.',
      },
    })
    created.push(`image "${placeholderImageFilename}" (placeholder)`)
    return doc
  })

  await findOrCreate(payload, 'press-kits', { slug: { equals: examplePressKitSlug } }, async () => {
    const kit = await payload.create({
      collection: 'press-kits',
      locale: 'en',
      context,
      data: {
        title: 'Founding documents',
        slug: examplePressKitSlug,
        description:
          'The founding statement of 11 September 2021 and a placeholder image. PLACEHOLDER: an example press kit; replace or extend it before going live.',
        publications: [{ relationTo: 'statements', value: seeded.statementId }],
        media: [image.id],
        pressContacts: [seeded.contactId],
        isPlaceholder: true,
        _status: 'published',
      },
    })
    await payload.update({
      collection: 'press-kits',
      id: kit.id,
      locale: 'ru',
      context,
      data: {
        title: 'Учредительные документы',
        description:
          'Учредительное заявление от 11 сентября 2021 года и изображение-заглушка. ЗАГЛУШКА: пример пресс-кита; замените или дополните его перед запуском.',
        _status: 'published',
      },
    })
    created.push(`press kit "${examplePressKitSlug}" (placeholder)`)
    return kit
  })
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
