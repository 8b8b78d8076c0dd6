import type { Payload } from 'payload'
import { findOrCreate } from './findOrCreate.ts'
import { paragraphsToLexical } from './lexical.ts'

export const exampleNoticeSlug = 'example-notice-to-the-parties'
export const exampleGroupName = 'Embassies in Moscow (example)'

const exampleNote =
  'EXAMPLE added by the seed to show dispatching notices: replace with real contacts (or delete) before going live.'

const exampleRecipients = [
  {
    externalId: 'example-embassy-us',
    name: { en: 'Embassy of the United States in Moscow (example)', ru: 'Посольство США в Москве (пример)' },
    role: { en: 'Consular section', ru: 'Консульский отдел' },
    country: 'US',
    emails: ['consular-us@example.org'],
    preferredLanguage: 'en',
    preferredChannels: ['email'],
  },
  {
    externalId: 'example-embassy-ru-speaking',
    name: {
      en: 'Embassy of an example state in Moscow (example)',
      ru: 'Посольство условного государства в Москве (пример)',
    },
    role: { en: 'Political section', ru: 'Политический отдел' },
    country: 'KZ',
    emails: ['political@example.org'],
    preferredLanguage: 'ru',
    preferredChannels: ['email', 'post'],
  },
  {
    externalId: 'example-embassy-by-hand',
    name: { en: 'Embassy reached by hand delivery (example)', ru: 'Посольство, куда доставляют лично (пример)' },
    role: { en: 'Chancery', ru: 'Канцелярия' },
    country: 'CH',
    emails: [],
    preferredLanguage: 'en',
    preferredChannels: ['hand-delivery', 'post'],
  },
] as const

const notice = {
  en: {
    title: 'Notice to the parties on the proposed Permanent Mediation Mission (example)',
    summary:
      'The initiative asks the parties to consider a Permanent Mediation Mission in Moscow and to name contact points. EXAMPLE notice added by the seed.',
    place: 'Moscow',
    addressee: 'Embassies in Moscow',
    body: [
      'Global Citizens | International Movement presents its compliments to the addressees and has the honour to draw their attention to its statement of 11 September 2021 announcing the international civil initiative "Bring them home alive".',
      'The initiative proposes a Permanent Mediation Mission in Moscow, so that US citizens held in Russia, Russian citizens held in the US and Ukrainian citizens held in Russia can return to their families, and asks the parties to consider the proposal and to name contact points for its discussion.',
      'EXAMPLE: this notice was added by the seed to show how notices are dispatched. Replace or unpublish it before going live.',
    ],
    closing:
      'Global Citizens avails itself of this opportunity to renew to the addressees the assurances of its highest consideration.',
  },
  ru: {
    title: 'Уведомление сторонам о предлагаемой Постоянной посреднической миссии (пример)',
    summary:
      'Инициатива просит стороны рассмотреть создание Постоянной посреднической миссии в Москве и назначить контактных лиц. ПРИМЕР уведомления, добавленный начальным заполнением.',
    place: 'Москва',
    addressee: 'Посольства в Москве',
    body: [
      'Global Citizens | Международное движение свидетельствует своё уважение адресатам и имеет честь обратить их внимание на своё заявление от 11 сентября 2021 года о начале международной гражданской инициативы «Вернём их домой живыми».',
      'Инициатива предлагает создать Постоянную посредническую миссию в Москве, чтобы граждане США, удерживаемые в России, граждане России, удерживаемые в США, и граждане Украины, удерживаемые в России, могли вернуться к своим семьям, и просит стороны рассмотреть это предложение и назначить контактных лиц для его обсуждения.',
      'ПРИМЕР: это уведомление добавлено начальным заполнением, чтобы показать рассылку уведомлений. Замените его или снимите с публикации перед запуском.',
    ],
    closing: 'Global Citizens пользуется случаем, чтобы возобновить адресатам уверения в своём самом высоком уважении.',
  },
}

/**
 * An example distribution group with three example recipients (example.org addresses, English
 * and Russian preferred, e-mail and hand delivery) and a published example notice to dispatch
 * to them. Each is created only if missing.
 */
export async function seedNoticeExamples(
  payload: Payload,
  context: Record<string, unknown>,
  related: { topic: number | string; contact: number | string },
): Promise<string[]> {
  const created: string[] = []
  const group = await findOrCreate(payload, 'distribution-groups', { name: { equals: exampleGroupName } }, async () => {
    const doc = await payload.create({
      collection: 'distribution-groups',
      locale: 'en',
      context,
      data: { name: exampleGroupName, description: exampleNote },
    })
    await payload.update({
      collection: 'distribution-groups',
      id: doc.id,
      locale: 'ru',
      context,
      data: {
        name: 'Посольства в Москве (пример)',
        description: 'ПРИМЕР из начального заполнения: замените настоящими контактами (или удалите) перед запуском.',
      },
    })
    created.push(`distribution group "${exampleGroupName}" (example)`)
    return doc
  })

  for (const example of exampleRecipients) {
    await findOrCreate(payload, 'recipients', { externalId: { equals: example.externalId } }, async () => {
      const doc = await payload.create({
        collection: 'recipients',
        locale: 'en',
        context,
        data: {
          kind: 'embassy',
          externalId: example.externalId,
          name: example.name.en,
          role: example.role.en,
          country: example.country,
          emails: example.emails.map((address) => ({ address })),
          preferredLanguage: example.preferredLanguage,
          preferredChannels: [...example.preferredChannels],
          postalAddress: 'Example Street 1, Moscow (example)',
          groups: [group.id],
          notes: exampleNote,
          active: true,
        },
      })
      await payload.update({
        collection: 'recipients',
        id: doc.id,
        locale: 'ru',
        context,
        data: { name: example.name.ru, role: example.role.ru },
      })
      created.push(`recipient ${example.externalId} (example)`)
      return doc
    })
  }

  await findOrCreate(payload, 'notices', { slug: { equals: exampleNoticeSlug } }, async () => {
    const doc = await payload.create({
      collection: 'notices',
      locale: 'en',
      context,
      data: {
        title: notice.en.title,
        slug: exampleNoticeSlug,
        summary: notice.en.summary,
        place: notice.en.place,
        date: new Date().toISOString(),
        body: paragraphsToLexical(notice.en.body),
        addressees: [{ group: notice.en.addressee }],
        formalClosing: notice.en.closing,
        translationState: 'complete',
        topics: [related.topic as number],
        pressContacts: [related.contact as number],
        _status: 'published',
      },
    })
    await payload.update({
      collection: 'notices',
      id: doc.id,
      locale: 'ru',
      context,
      data: {
        title: notice.ru.title,
        summary: notice.ru.summary,
        place: notice.ru.place,
        body: paragraphsToLexical(notice.ru.body),
        addressees: [{ id: doc.addressees?.[0]?.id, group: notice.ru.addressee }],
        formalClosing: notice.ru.closing,
        translationState: 'complete',
        _status: 'published',
      },
    })
    created.push(`notice "${exampleNoticeSlug}" (example)`)
    return doc
  })
  return created
}
