import { describe, expect, it } from 'vitest'
import {
  normalizePressKit,
  normalizePublication,
  normalizeSettings,
  publicationsByLocale,
  relationIds,
} from '../lib/normalize.ts'
import { pressKit, publication } from '../lib/schemas.ts'

const base = {
  id: 7,
  slug: 'appeal',
  referenceNumber: 'GC-ST-2026-002',
  date: '2026-03-01T12:00:00.000Z',
  updatedAt: '2026-03-02T08:00:00.000Z',
  topics: [1, { id: 2 }],
  media: [],
  documents: [],
  pressContacts: [3],
}

describe('normalizing CMS documents', () => {
  it('keeps only the languages a document really exists in', () => {
    const pub = normalizePublication('statement', {
      en: { ...base, title: 'Appeal', summary: 'Lead', translationState: 'complete' },
      ru: { ...base, title: null, summary: null, translationState: null },
    })
    expect(Object.keys(pub.versions)).toEqual(['en'])
    expect(pub.versions.en?.title).toBe('Appeal')
    expect(pub.topics).toEqual(['1', '2'])
    expect(publication.safeParse(pub).success).toBe(true)
  })

  it('treats a language marked missing as absent, and merges change notes across languages', () => {
    const notes = (note: string) => [{ id: 'n1', date: '2026-03-05T00:00:00.000Z', kind: 'correction', note }]
    const pub = normalizePublication('notice', {
      en: { ...base, title: 'Notice', translationState: 'complete', changeNotes: notes('Date corrected') },
      ru: { ...base, title: 'Уведомление', translationState: 'missing', changeNotes: notes('Дата исправлена') },
    })
    expect(Object.keys(pub.versions)).toEqual(['en'])
    expect(pub.changeNotes).toEqual([
      {
        id: 'n1',
        date: '2026-03-05T00:00:00.000Z',
        kind: 'correction',
        note: { en: 'Date corrected', ru: 'Дата исправлена' },
      },
    ])
  })

  it('splits a document read in every language at once into one per language', () => {
    const split = publicationsByLocale({
      ...base,
      title: { en: 'Appeal', ru: 'Обращение' },
      summary: { en: 'Lead' },
      body: { en: { root: { children: [] } } },
      signatories: [{ id: 's1', name: { en: 'A. Person', ru: 'А. Персона' }, role: { en: 'Coordinator' } }],
      changeNotes: [{ id: 'n1', date: '2026-03-05T00:00:00.000Z', kind: 'update', note: { ru: 'Дополнено.' } }],
    })
    expect(split.en).toMatchObject({
      slug: 'appeal',
      title: 'Appeal',
      summary: 'Lead',
      body: { root: { children: [] } },
      signatories: [{ id: 's1', name: 'A. Person', role: 'Coordinator' }],
      changeNotes: [{ id: 'n1', kind: 'update', note: null }],
    })
    // A language without a value gets null, as the CMS answers one language without fallback.
    expect(split.ru).toMatchObject({
      title: 'Обращение',
      summary: null,
      body: null,
      signatories: [{ name: 'А. Персона', role: null }],
      changeNotes: [{ note: 'Дополнено.' }],
    })
    const pub = normalizePublication('statement', split)
    expect(pub.versions.ru?.signatories).toEqual([{ name: 'А. Персона', role: undefined }])
    expect(pub.changeNotes[0]?.note).toEqual({ ru: 'Дополнено.' })
  })

  it('reads relations at any depth', () => {
    expect(relationIds([1, '2', { id: 3 }, null, { title: 'no id' }])).toEqual(['1', '2', '3'])
    expect(relationIds(undefined)).toEqual([])
  })

  it('drops social links whose URL is not a web address', () => {
    const settings = normalizeSettings({
      en: {
        id: 1,
        organizationName: 'Org',
        socialLinks: [
          { label: 'Site', url: 'https://example.org' },
          { label: 'Bad', url: 'javascript:alert(1)' },
        ],
      },
    })
    expect(settings.socialLinks).toEqual([{ label: 'Site', url: 'https://example.org' }])
  })
})

describe('content rules the build enforces', () => {
  const valid = normalizePublication('statement', { en: { ...base, title: 'Appeal', translationState: 'complete' } })

  it('names the field and what to do about it', () => {
    const result = publication.safeParse({ ...valid, slug: 'Not A Slug', date: 'yesterday', versions: {} })
    expect(result.success).toBe(false)
    const issues = result.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) ?? []
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^slug: .*Set it in the CMS\.$/),
        expect.stringMatching(/^date: must be a date .*set the date line in the CMS$/),
        expect.stringMatching(/^versions: has a title in no language/),
      ]),
    )
  })
})

describe('press kits', () => {
  it('read polymorphic publications ({ relationTo, value }) and press contacts at depth 0', () => {
    const kit = normalizePressKit({
      en: {
        id: 3,
        slug: 'founding-documents',
        title: 'Founding documents',
        updatedAt: '2026-03-02T08:00:00.000Z',
        publications: [
          { relationTo: 'statements', value: 1 },
          { relationTo: 'press-releases', value: { id: 4 } },
          { relationTo: 'users', value: 9 },
        ],
        media: [5],
        documents: [],
        pressContacts: [2, { id: 6 }],
      },
    })
    expect(kit.publications).toEqual([
      { kind: 'statement', cmsId: '1' },
      { kind: 'pressRelease', cmsId: '4' },
    ])
    expect(kit.pressContacts).toEqual(['2', '6'])
    expect(pressKit.parse(kit)).toEqual(kit)
  })
})
