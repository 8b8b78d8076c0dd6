import type { PayloadRequest, Where } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { paragraphsToLexical } from '../seed/lexical.ts'
import { createStaff, type StartedPayload, startPayload, testDatabase } from '../testing/payload.ts'
import { readBothLanguages } from '../translations/bothLanguages.ts'
import {
  parseTranslationFilter,
  type TranslationFilter,
  translationListFilter,
  translationStateWhere,
} from '../translations/stateFilter.ts'

let started: StartedPayload
type Name = 'bothComplete' | 'draftRuOutdated' | 'enOnly' | 'ruOnly' | 'ruPartial' | 'ruMarkedMissing'
const ids = {} as Record<Name, number>

/** Statements in known states: `${en state}/${ru state}`. */
beforeAll(async () => {
  started = await startPayload()
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
})
afterAll(async () => {
  await started?.stop()
})

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
