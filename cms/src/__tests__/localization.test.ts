import { type I18nOptions, initI18n } from '@payloadcms/translations'
import { en as payloadEn } from '@payloadcms/translations/languages/en'
import { ru as payloadRu } from '@payloadcms/translations/languages/ru'
import type { BeforeListTableServerProps, DocumentViewServerProps, PayloadRequest, Where } from 'payload'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BothLanguagesView } from '../components/BothLanguagesView.tsx'
import { TranslationStateFilter } from '../components/TranslationStateFilter.tsx'
import { adminTranslations } from '../i18n/admin/translations.ts'
import { lexicalToParagraphs, paragraphsToLexical } from '../seed/lexical.ts'
import { createStaff, type StartedPayload, staffPassword, startPayload, testDatabase } from '../testing/payload.ts'
import { readBothLanguages } from '../translations/bothLanguages.ts'
import {
  parseTranslationFilter,
  type TranslationFilter,
  translationListFilter,
  translationStateWhere,
} from '../translations/stateFilter.ts'
import { httpClient } from './helpers/http.ts'
import { untranslatedUiWords } from './helpers/uiWords.ts'

let started: StartedPayload

beforeAll(async () => {
  started = await startPayload()
})
afterAll(async () => {
  await started?.stop()
})

describe(`content in two languages (${testDatabase})`, () => {
  it("words Payload's screens for our collections in every admin language (labels, descriptions, options, tabs)", () => {
    expect(untranslatedUiWords(started.payload.config)).toEqual([])
  })

  it('stores English and Russian separately and shares the slug and reference number', async () => {
    const { payload } = started
    const doc = await payload.create({
      collection: 'press-releases',
      locale: 'en',
      data: {
        title: 'Mission opens an office',
        summary: 'English summary',
        body: paragraphsToLexical(['English body.']),
        date: '2026-03-01T00:00:00.000Z',
        _status: 'published',
      },
    })
    await payload.update({
      collection: 'press-releases',
      id: doc.id,
      locale: 'ru',
      data: { title: 'Миссия открывает офис', body: paragraphsToLexical(['Русский текст.']) },
    })

    const en = await payload.findByID({ collection: 'press-releases', id: doc.id, locale: 'en' })
    const ru = await payload.findByID({ collection: 'press-releases', id: doc.id, locale: 'ru' })
    expect(en.title).toBe('Mission opens an office')
    expect(ru.title).toBe('Миссия открывает офис')
    expect(lexicalToParagraphs(ru.body)).toEqual(['Русский текст.'])
    expect(lexicalToParagraphs(en.body)).toEqual(['English body.'])
    expect(ru.slug).toBe(en.slug)
    expect(en.slug).toBe('mission-opens-an-office')
    expect(ru.referenceNumber).toBe(en.referenceNumber)
    expect(en.referenceNumber).toMatch(/^GC-PR-2026-\d{3}$/)
  })

  it('falls back to English where Russian is missing, and says so when fallback is off', async () => {
    const { payload } = started
    const doc = await payload.create({
      collection: 'statements',
      locale: 'en',
      data: { title: 'Only in English', summary: 'English only', _status: 'published' },
    })
    const ru = await payload.findByID({ collection: 'statements', id: doc.id, locale: 'ru' })
    expect(ru.title).toBe('Only in English')
    const strict = await payload.findByID({ collection: 'statements', id: doc.id, locale: 'ru', fallbackLocale: false })
    expect(strict.title).toBeFalsy()
    expect(strict.translationState).toBeFalsy()
    const all = await payload.findByID({ collection: 'statements', id: doc.id, locale: 'all' })
    expect(all.title).toEqual({ en: 'Only in English' })
  })

  it('creates a document first in Russian, with a transliterated slug', async () => {
    const { payload } = started
    const doc = await payload.create({
      collection: 'notices',
      locale: 'ru',
      data: { title: 'Уведомление посольствам', _status: 'draft' },
    })
    expect(doc.slug).toBe('uvedomlenie-posolstvam')
    const en = await payload.findByID({
      collection: 'notices',
      id: doc.id,
      locale: 'en',
      draft: true,
      fallbackLocale: false,
    })
    expect(en.title).toBeFalsy()
  })

  it('updates and deletes in both languages', async () => {
    const { payload } = started
    const doc = await payload.create({ collection: 'topics', locale: 'en', data: { title: 'Families' } })
    await payload.update({ collection: 'topics', id: doc.id, locale: 'ru', data: { title: 'Семьи' } })
    await payload.update({
      collection: 'topics',
      id: doc.id,
      locale: 'en',
      data: { title: 'Families of the detained' },
    })
    const all = await payload.findByID({ collection: 'topics', id: doc.id, locale: 'all' })
    expect(all.title).toEqual({ en: 'Families of the detained', ru: 'Семьи' })
    await payload.delete({ collection: 'topics', id: doc.id })
    const left = await payload.count({ collection: 'topics', where: { id: { equals: doc.id } } })
    expect(left.totalDocs).toBe(0)
  })
})

describe(`bad input is refused and writes nothing (${testDatabase})`, () => {
  it('refuses a publication without a title, with the field named', async () => {
    const { payload } = started
    const before = await payload.count({ collection: 'statements' })
    await expect(
      payload.create({
        collection: 'statements',
        locale: 'en',
        data: { summary: 'No title', _status: 'published' } as never,
      }),
    ).rejects.toMatchObject({
      status: 400,
      data: {
        errors: expect.arrayContaining([
          expect.objectContaining({ path: 'title', message: 'This field is required.' }),
        ]),
      },
    })
    expect((await payload.count({ collection: 'statements' })).totalDocs).toBe(before.totalDocs)
  })

  it('refuses an unknown locale through the Local API and through REST', async () => {
    const { payload } = started
    const before = await payload.count({ collection: 'statements', locale: 'all' as never })
    await expect(
      payload.create({ collection: 'statements', locale: 'de' as never, data: { title: 'Deutsch', _status: 'draft' } }),
    ).rejects.toMatchObject({ status: 400, message: expect.stringContaining('Unknown locale "de"') })

    const http = httpClient(payload)
    const admin = await createStaff(payload, 'admin')
    const token = await http.login(admin.email, staffPassword)
    const res = await http.post('/statements?locale=fr', { title: 'Français' }, { token })
    expect(res.status).toBe(400)
    expect(res.json.errors[0].message).toContain('Unknown locale "fr"')
    const read = await http.get('/statements?locale=xx')
    expect(read.status).toBe(400)
    await expect(
      payload.updateGlobal({ slug: 'site-settings', locale: 'uk' as never, data: { organizationName: 'Wrong' } }),
    ).rejects.toMatchObject({ status: 400, message: expect.stringContaining('Unknown locale "uk"') })
    expect((await payload.count({ collection: 'statements' })).totalDocs).toBe(before.totalDocs)
  })

  it('refuses a malformed slug with a message that says what a slug may contain', async () => {
    const { payload } = started
    await expect(
      payload.create({ collection: 'statements', data: { title: 'Bad slug', slug: 'Bad Slug!', _status: 'draft' } }),
    ).rejects.toMatchObject({
      status: 400,
      data: {
        errors: expect.arrayContaining([
          expect.objectContaining({ path: 'slug', message: expect.stringContaining('lower-case') }),
        ]),
      },
    })
  })
})

describe(`a translation becomes outdated when the other language changes (${testDatabase})`, () => {
  type State = 'complete' | 'partial' | 'outdated' | 'missing' | null | undefined

  /** A statement written in English, then in Russian with the given state. */
  async function bilingual(ruState: State) {
    const { payload } = started
    const doc = await payload.create({
      collection: 'statements',
      locale: 'en',
      data: {
        title: 'Appeal on detained sailors',
        summary: 'The mission calls for release.',
        body: paragraphsToLexical(['First paragraph.', 'Second paragraph.']),
        _status: 'published',
      },
    })
    if (ruState !== undefined) {
      await payload.update({
        collection: 'statements',
        id: doc.id,
        locale: 'ru',
        data: {
          title: 'Обращение о задержанных моряках',
          body: paragraphsToLexical(['Первый абзац.']),
          translationState: ruState,
        },
      })
    }
    return doc.id
  }

  async function states(id: number | string) {
    const all = await started.payload.findByID({ collection: 'statements', id, locale: 'all' as never, depth: 0 })
    return all.translationState as unknown as Record<string, State>
  }

  function saveIn(locale: 'en' | 'ru', id: number | string, data: Record<string, unknown>) {
    return started.payload.update({ collection: 'statements', id, locale, data })
  }

  it('marks Russian outdated when the English words change, in the same save', async () => {
    const id = await bilingual('complete')
    expect(await states(id)).toEqual({ en: 'complete', ru: 'complete' })
    await saveIn('en', id, { summary: 'The mission calls for immediate release.', translationState: 'complete' })
    expect(await states(id)).toEqual({ en: 'complete', ru: 'outdated' })
    // The Russian text itself is untouched.
    const ru = await started.payload.findByID({
      collection: 'statements',
      id,
      locale: 'ru',
      fallbackLocale: false as never,
    })
    expect(ru.title).toBe('Обращение о задержанных моряках')
  })

  it('counts a changed word in the body', async () => {
    const id = await bilingual('complete')
    await saveIn('en', id, { body: paragraphsToLexical(['First paragraph.', 'Second paragraph, corrected.']) })
    expect(await states(id)).toEqual({ en: 'complete', ru: 'outdated' })
  })

  it('leaves Russian complete when the same English text is saved again (editor rewrites included)', async () => {
    const id = await bilingual('complete')
    const en = await started.payload.findByID({ collection: 'statements', id, locale: 'en' })
    // The editor may re-save a body with other bookkeeping (direction, key order) but the same words.
    const body = structuredClone(en.body) as unknown as { root: Record<string, unknown> }
    body.root = { children: body.root.children, ...body.root, direction: null }
    await saveIn('en', id, {
      title: `${en.title}  `,
      summary: en.summary,
      place: en.place ?? null,
      body,
      translationState: 'complete',
    })
    expect(await states(id)).toEqual({ en: 'complete', ru: 'complete' })
  })

  it('never touches a partial, missing or unwritten Russian state', async () => {
    for (const ruState of ['partial', 'missing', undefined] as const) {
      const id = await bilingual(ruState)
      const before = (await states(id)).ru
      await saveIn('en', id, { title: `Appeal renamed (${String(ruState)})` })
      const after = await states(id)
      expect(after.ru ?? null).toBe(before ?? null)
      expect(after.en).toBe('complete')
    }
  })

  it('lets staff clear the mark by hand, and the clearing triggers nothing', async () => {
    const id = await bilingual('complete')
    await saveIn('en', id, { title: 'Appeal on detained sailors, updated' })
    expect((await states(id)).ru).toBe('outdated')
    await saveIn('ru', id, { translationState: 'complete' })
    expect(await states(id)).toEqual({ en: 'complete', ru: 'complete' })
    // The admin sends the whole form: the Russian text unchanged, the state back to complete.
    const ru = await started.payload.findByID({
      collection: 'statements',
      id,
      locale: 'ru',
      fallbackLocale: false as never,
    })
    await saveIn('ru', id, { title: ru.title, body: ru.body, translationState: 'complete' })
    expect(await states(id)).toEqual({ en: 'complete', ru: 'complete' })
    // A save that does not mention the state keeps it.
    await saveIn('en', id, { title: 'Appeal on detained sailors, again' })
    await saveIn('ru', id, { title: 'Обращение о задержанных моряках' })
    expect(await states(id)).toEqual({ en: 'complete', ru: 'outdated' })
  })

  it('does not outdate the source when the outdated translation catches up', async () => {
    const id = await bilingual('complete')
    await saveIn('en', id, { title: 'Appeal on detained sailors, updated' })
    await saveIn('ru', id, { title: 'Обращение о задержанных моряках, обновлено', translationState: 'complete' })
    expect(await states(id)).toEqual({ en: 'complete', ru: 'complete' })
  })

  it('marks neither language when one save carries both', async () => {
    const id = await bilingual('complete')
    await started.payload.update({
      collection: 'statements',
      id,
      locale: 'all' as never,
      data: {
        title: { en: 'Both changed', ru: 'Оба изменены' },
        translationState: { en: 'complete', ru: 'complete' },
      } as never,
    })
    expect(await states(id)).toEqual({ en: 'complete', ru: 'complete' })
    // Payload 3.90 writes no localized value in a `locale: 'all'` save (payloadcms/payload#16345),
    // so today this only proves such saves are left alone. When Payload starts writing them, this
    // fails: check then that both titles changed and neither language was marked.
    const all = await started.payload.findByID({ collection: 'statements', id, locale: 'all' as never, depth: 0 })
    expect(all.title).toEqual({ en: 'Appeal on detained sailors', ru: 'Обращение о задержанных моряках' })
  })

  it('filters the list by the state of the language chosen (the admin list query)', async () => {
    const id = await bilingual('complete')
    await saveIn('en', id, { title: 'Appeal, filter check' })
    const where = { translationState: { equals: 'outdated' } } as const
    const inRussian = await started.payload.find({
      collection: 'statements',
      locale: 'ru',
      where,
      depth: 0,
      limit: 200,
    })
    const inEnglish = await started.payload.find({
      collection: 'statements',
      locale: 'en',
      where,
      depth: 0,
      limit: 200,
    })
    expect(inRussian.docs.map((d) => d.id)).toContain(id)
    expect(inEnglish.docs.map((d) => d.id)).not.toContain(id)
  })
})

type Name = 'bothComplete' | 'draftRuOutdated' | 'enOnly' | 'ruOnly' | 'ruPartial' | 'ruMarkedMissing'
const ids = {} as Record<Name, number>

/** Statements in known states, for the list filter and the side-by-side view (issue 15, item 6). */
async function createStatesFixture() {
  const { payload } = started
  const create = (locale: 'en' | 'ru', data: Record<string, unknown>) =>
    payload.create({ collection: 'statements', locale, data: { _status: 'published' as const, ...data } as never })
  const update = (id: number | string, locale: 'en' | 'ru', data: Record<string, unknown>, draft = false) =>
    payload.update({
      collection: 'statements',
      id,
      locale,
      draft,
      data: draft ? data : { _status: 'published', ...data },
    })

  const both = await create('en', { title: 'Both complete', body: paragraphsToLexical(['English body.']) })
  await update(both.id, 'ru', { title: 'Оба полные', body: paragraphsToLexical(['Русский текст.']) })
  ids.bothComplete = both.id

  // Published complete in both; then an unpublished English change outdates Russian in the draft only.
  const draftOutdated = await create('en', { title: 'Changed in a draft' })
  await update(draftOutdated.id, 'ru', { title: 'Изменено в черновике' })
  await update(draftOutdated.id, 'en', { title: 'Changed in a draft, again', place: 'Geneva' }, true)
  ids.draftRuOutdated = draftOutdated.id

  ids.enOnly = (await create('en', { title: 'English only' })).id
  ids.ruOnly = (await create('ru', { title: 'Только по-русски' })).id

  const partial = await create('en', { title: 'Russian partly done' })
  await update(partial.id, 'ru', { title: 'Частично', translationState: 'partial' })
  ids.ruPartial = partial.id

  const markedMissing = await create('en', { title: 'Russian marked missing' })
  await update(markedMissing.id, 'ru', { title: 'Заглушка', translationState: 'missing' })
  ids.ruMarkedMissing = markedMissing.id
}

/** Which of our statements a filter keeps, queried as Payload's list view queries (latest drafts, no fallback). */
async function listed(filter: TranslationFilter, adminLocale: 'en' | 'ru'): Promise<string[]> {
  const where: Where = { and: [translationStateWhere(filter), { id: { in: Object.values(ids) } }] }
  const found = await started.payload.find({
    collection: 'statements',
    draft: true,
    fallbackLocale: false,
    locale: adminLocale,
    where,
    depth: 0,
    limit: 100,
  })
  return Object.entries(ids)
    .filter(([, id]) => found.docs.some((doc) => doc.id === id))
    .map(([name]) => name)
    .sort()
}

beforeAll(createStatesFixture)

describe(`translation state filter per language (${testDatabase})`, () => {
  it('finds each language in each state, whichever language the admin shows', async () => {
    for (const adminLocale of ['en', 'ru'] as const) {
      expect(await listed({ locale: 'ru', state: 'outdated' }, adminLocale)).toEqual(['draftRuOutdated'])
      expect(await listed({ locale: 'ru', state: 'partial' }, adminLocale)).toEqual(['ruPartial'])
      expect(await listed({ locale: 'ru', state: 'missing' }, adminLocale)).toEqual(['enOnly', 'ruMarkedMissing'])
      expect(await listed({ locale: 'en', state: 'missing' }, adminLocale)).toEqual(['ruOnly'])
      expect(await listed({ locale: 'ru', state: 'complete' }, adminLocale)).toEqual(['bothComplete', 'ruOnly'])
      expect(await listed({ locale: 'en', state: 'outdated' }, adminLocale)).toEqual([])
    }
  })

  it('reads the choice from the list URL and ignores anything else', async () => {
    const filterOf = (query: Record<string, unknown>) =>
      translationListFilter({ req: { query } as unknown as PayloadRequest, limit: 10, page: 1, sort: '' })
    expect(await filterOf({ translation: 'en:missing' })).toEqual(
      translationStateWhere({ locale: 'en', state: 'missing' }),
    )
    expect(await filterOf({})).toBeNull()
    expect(parseTranslationFilter('de:complete')).toBeNull()
    expect(parseTranslationFilter('ru:stale')).toBeNull()
    expect(parseTranslationFilter(['ru:outdated'])).toBeNull()
  })
})

describe(`both languages side by side (${testDatabase})`, () => {
  it('reads every language of the latest draft, with its state and rendered body', async () => {
    const { payload } = started
    const asStaff = await createStaff(payload, 'editor')
    const both = await readBothLanguages({ payload, user: asStaff, collection: 'statements', id: ids.bothComplete })
    expect(both?.status).toBe('published')
    expect(both?.versions.map((v) => [v.locale, v.title, v.state, v.bodyHtml])).toEqual([
      ['en', 'Both complete', 'complete', '<p>English body.</p>'],
      ['ru', 'Оба полные', 'complete', '<p>Русский текст.</p>'],
    ])
    expect(both?.versions.every((v) => v.textUpdatedAt)).toBe(true)

    const draft = await readBothLanguages({ payload, user: asStaff, collection: 'statements', id: ids.draftRuOutdated })
    expect(draft?.status).toBe('draft')
    expect(draft?.versions.map((v) => [v.title, v.place, v.state])).toEqual([
      ['Changed in a draft, again', 'Geneva', 'complete'],
      ['Изменено в черновике', '', 'outdated'],
    ])

    const enOnly = await readBothLanguages({ payload, user: asStaff, collection: 'statements', id: ids.enOnly })
    expect(enOnly?.versions[1]).toMatchObject({ locale: 'ru', title: '', state: null })
    // Read with the reader's own access: without a staff member, only what is published.
    const publicView = await readBothLanguages({
      payload,
      user: null,
      collection: 'statements',
      id: ids.draftRuOutdated,
    })
    expect(publicView?.status).toBe('published')
    expect(publicView?.versions[0]?.title).toBe('Changed in a draft')
  })
})

describe(`the translation components render on the server (${testDatabase})`, () => {
  /** Payload's i18n as payload.config.ts sets it up, in one admin language. */
  const i18nIn = (language: 'en' | 'ru') =>
    initI18n({
      config: {
        fallbackLanguage: 'en',
        supportedLanguages: { en: payloadEn, ru: payloadRu },
        translations: adminTranslations,
      } as unknown as I18nOptions,
      context: 'api',
      language,
    })

  it('shows both languages of a statement in the Russian admin, with states and edit links', async () => {
    const { payload } = started
    const user = await createStaff(payload, 'editor')
    const req = { payload, user, i18n: await i18nIn('ru') }
    const props = { initPageResult: { req, collectionConfig: { slug: 'statements' }, docID: ids.draftRuOutdated } }
    const html = renderToStaticMarkup(await BothLanguagesView(props as unknown as DocumentViewServerProps))
    expect(html).toContain('Оба языка рядом')
    expect(html).toContain('Черновик')
    expect(html).toContain('Changed in a draft, again')
    expect(html).toContain('Изменено в черновике')
    expect(html).toContain('data-state="outdated">устарел<')
    expect(html).toContain(`/admin/collections/statements/${ids.draftRuOutdated}?locale=ru`)
  })

  it('links each language and state, keeping the list query and marking the chosen one', async () => {
    const searchParams = { translation: 'ru:outdated', page: '3', 'where[or][0][and][0][title][like]': 'x' }
    const props = { i18n: await i18nIn('en'), searchParams }
    const html = renderToStaticMarkup(TranslationStateFilter(props as unknown as BeforeListTableServerProps))
    expect(html).toContain('Showing only documents whose Russian version is outdated.')
    expect(html).toContain(
      'href="?where%5Bor%5D%5B0%5D%5Band%5D%5B0%5D%5Btitle%5D%5Blike%5D=x&amp;translation=en%3Amissing"',
    )
    expect(html).toMatch(/href="\?[^"]*translation=ru%3Aoutdated"[^>]*aria-current="true"/)
  })
})
