import type { Payload } from 'payload'
import { paragraphsToLexical } from '../../../seed/lexical.ts'
import type { ItemKey, Lang, MarkerBook } from './markers.ts'

export type PublicationCollection = 'statements' | 'notices' | 'press-releases'

export type PlantedDoc = { item: ItemKey; collection: PublicationCollection | 'press-kits'; id: number; slug: string }

/** Words around each marker, so that a field reads like text (Cyrillic in Russian). */
const lead: Record<Lang, Record<string, string>> = {
  en: {
    ti: 'Families',
    su: 'In short',
    pl: 'Moscow',
    bo: 'The text says',
    cn: 'Corrected',
    sn: 'Signed by',
    sr: 'Coordinator',
    ag: 'Embassies',
    fc: 'With highest consideration',
    de: 'About',
  },
  ru: {
    ti: 'Семьи',
    su: 'Коротко',
    pl: 'Москва',
    bo: 'В тексте сказано',
    cn: 'Исправлено',
    sn: 'Подписал',
    sr: 'Координатор',
    ag: 'Посольства',
    fc: 'С уважением',
    de: 'О ките',
  },
}

export async function plantPublication(
  payload: Payload,
  book: MarkerBook,
  item: ItemKey,
  collection: PublicationCollection,
  options: { publish: boolean; embargoUntil?: string; relations: Record<string, unknown>; englishOnly?: boolean },
): Promise<PlantedDoc> {
  const text = (lang: Lang, field: string, label: string) =>
    `${lead[lang][field]} ${book.word(item, field, label, { lang })}`
  const fields = (lang: Lang) => ({
    title: text(lang, 'ti', 'title'),
    summary: text(lang, 'su', 'summary'),
    place: text(lang, 'pl', 'place'),
    body: paragraphsToLexical([text(lang, 'bo', 'body'), lang === 'ru' ? 'Второй абзац.' : 'A second paragraph.']),
  })
  const perKind = (lang: Lang, rows?: { signatories?: { id: string }[]; addressees?: { id: string }[] }) => {
    if (collection === 'statements') {
      return {
        signatories: [
          {
            id: rows?.signatories?.[0]?.id,
            name: text(lang, 'sn', 'signatory name'),
            role: text(lang, 'sr', 'signatory role'),
          },
        ],
      }
    }
    if (collection === 'notices') {
      return {
        addressees: [{ id: rows?.addressees?.[0]?.id, group: text(lang, 'ag', 'addressee group') }],
        formalClosing: text(lang, 'fc', 'formal closing'),
      }
    }
    return {}
  }
  const status = options.publish ? 'published' : 'draft'
  const created = (await payload.create({
    collection,
    locale: 'en',
    draft: !options.publish,
    data: {
      ...fields('en'),
      ...perKind('en'),
      slug: book.word(item, 'sl', 'slug'),
      date: '2026-03-02T09:00:00.000Z',
      changeNotes: [{ date: '2026-03-03T09:00:00.000Z', kind: 'correction', note: text('en', 'cn', 'change note') }],
      ...(options.embargoUntil ? { embargoUntil: options.embargoUntil } : {}),
      ...options.relations,
      _status: status,
    } as never,
  })) as unknown as {
    id: number
    slug: string
    changeNotes: { id: string }[]
    signatories?: { id: string }[]
    addressees?: { id: string }[]
  }
  if (options.englishOnly) return { item, collection, id: created.id, slug: created.slug }
  await payload.update({
    collection,
    id: created.id,
    locale: 'ru',
    draft: !options.publish,
    data: {
      ...fields('ru'),
      ...perKind('ru', created),
      changeNotes: [{ id: created.changeNotes[0]?.id, note: text('ru', 'cn', 'change note') }],
      _status: status,
    } as never,
  })
  return { item, collection, id: created.id, slug: created.slug }
}

/** A newer draft saved on top of a published notice: the published text stays public, the draft must not. */
export async function plantDraftOnTop(payload: Payload, book: MarkerBook, notice: PlantedDoc): Promise<void> {
  for (const lang of ['en', 'ru'] as const) {
    await payload.update({
      collection: 'notices',
      id: notice.id,
      locale: lang,
      draft: true,
      data: {
        title: `${lead[lang].ti} ${book.word('noticeDraft', 'ti', 'title', { lang })}`,
        summary: `${lead[lang].su} ${book.word('noticeDraft', 'su', 'summary', { lang })}`,
        _status: 'draft',
      },
    })
  }
}

export async function plantKit(
  payload: Payload,
  book: MarkerBook,
  item: ItemKey,
  publish: boolean,
  relations: Record<string, unknown>,
): Promise<PlantedDoc> {
  const text = (lang: Lang, field: string, label: string) =>
    `${lead[lang][field === 'ti' ? 'ti' : 'de']} ${book.word(item, field, label, { lang })}`
  const status = publish ? 'published' : 'draft'
  const created = await payload.create({
    collection: 'press-kits',
    locale: 'en',
    draft: !publish,
    data: {
      title: text('en', 'ti', 'title'),
      description: text('en', 'de', 'description'),
      slug: book.word(item, 'sl', 'slug'),
      ...relations,
      _status: status,
    } as never,
  })
  await payload.update({
    collection: 'press-kits',
    id: created.id,
    locale: 'ru',
    draft: !publish,
    data: { title: text('ru', 'ti', 'title'), description: text('ru', 'de', 'description'), _status: status },
  })
  return { item, collection: 'press-kits', id: created.id, slug: created.slug as string }
}

export async function plantTopic(payload: Payload, book: MarkerBook): Promise<{ id: number; slug: string }> {
  const word = (field: string, label: string, lang?: Lang) => book.word('topic', field, label, { lang })
  const topic = await payload.create({
    collection: 'topics',
    locale: 'en',
    data: { title: `Exchanges ${word('ti', 'title', 'en')}`, slug: word('sl', 'slug') },
  })
  await payload.update({
    collection: 'topics',
    id: topic.id,
    locale: 'ru',
    data: { title: `Обмены ${word('ti', 'title', 'ru')}` },
  })
  return { id: topic.id, slug: topic.slug as string }
}

export async function plantContact(payload: Payload, book: MarkerBook): Promise<number> {
  const word = (field: string, label: string, lang?: Lang) => book.word('contact', field, label, { lang })
  const contact = await payload.create({
    collection: 'press-contacts',
    locale: 'en',
    data: {
      name: `Anna ${word('nm', 'name', 'en')}`,
      role: `Press officer ${word('ro', 'role', 'en')}`,
      email: `${word('em', 'e-mail address')}@example.org`,
      languages: ['en', 'ru'],
    },
  })
  await payload.update({
    collection: 'press-contacts',
    id: contact.id,
    locale: 'ru',
    data: { name: `Анна ${word('nm', 'name', 'ru')}`, role: `Пресс-секретарь ${word('ro', 'role', 'ru')}` },
  })
  return contact.id
}
