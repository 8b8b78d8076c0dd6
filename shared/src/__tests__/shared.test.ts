import { describe, expect, it } from 'vitest'
import {
  checkSlug,
  checksumsPath,
  documentPath,
  editionDownloadPath,
  formatReferenceNumber,
  isLocale,
  joinBase,
  kindByCollection,
  localeCodes,
  otherLocale,
  parseReferenceNumber,
  pressKitPath,
  topicPath,
  toSlug,
  vcardPath,
} from '../index.ts'

describe('locales', () => {
  it('are English and Russian, with English as the default first', () => {
    expect(localeCodes).toEqual(['en', 'ru'])
    expect(isLocale('ru')).toBe(true)
    expect(isLocale('de')).toBe(false)
    expect(isLocale(undefined)).toBe(false)
    expect(otherLocale('en')).toBe('ru')
    expect(otherLocale('ru')).toBe('en')
  })
})

describe('slugs', () => {
  it('transliterate Russian titles and drop punctuation', () => {
    expect(toSlug('Вернём их домой живыми')).toBe('vernyom-ikh-domoy-zhivymi')
    expect(toSlug('Statement | Regarding the search…')).toBe('statement-regarding-the-search')
  })

  it('are cut at a word boundary when a title is long', () => {
    const slug = toSlug('word '.repeat(60))
    expect(slug.length).toBeLessThanOrEqual(96)
    expect(slug.endsWith('-')).toBe(false)
    expect(checkSlug(slug)).toBeNull()
  })

  it('are checked with messages that say what is allowed', () => {
    expect(checkSlug('founding-statement')).toBeNull()
    expect(checkSlug('Founding Statement')).toMatch(/lower-case latin letters/)
    expect(checkSlug('double--hyphen')).toMatch(/single hyphens/)
    expect(checkSlug('')).toBe('A slug is required.')
  })
})

describe('reference numbers', () => {
  it('format and parse the same way', () => {
    const ref = formatReferenceNumber({ prefix: 'GC', kind: 'pressRelease', year: 2026, sequence: 4 })
    expect(ref).toBe('GC-PR-2026-004')
    expect(parseReferenceNumber(ref)).toEqual({ prefix: 'GC', code: 'PR', year: 2026, sequence: 4 })
    expect(formatReferenceNumber({ prefix: 'GC', kind: 'statement', year: 2021, sequence: 1234 })).toBe(
      'GC-ST-2021-1234',
    )
    expect(parseReferenceNumber('not-a-reference')).toBeNull()
  })

  it('refuse an unusable prefix or sequence', () => {
    expect(() => formatReferenceNumber({ prefix: 'g c', kind: 'notice', year: 2026, sequence: 1 })).toThrow(/prefix/)
    expect(() => formatReferenceNumber({ prefix: 'GC', kind: 'notice', year: 2026, sequence: 0 })).toThrow(/positive/)
  })
})

describe('URLs', () => {
  it('are built per language and kind, and work under a sub-path', () => {
    expect(documentPath('ru', 'statement', 'founding-statement')).toBe('/ru/statements/founding-statement/')
    expect(joinBase('/mirror/', documentPath('en', 'notice', 'x'))).toBe('/mirror/en/notices/x/')
    expect(joinBase('', '/en/')).toBe('/en/')
    expect(kindByCollection('press-releases').kind).toBe('pressRelease')
    expect(() => kindByCollection('users')).toThrow()
  })

  it('put a language’s downloads next to its checksums.txt, under their own names', () => {
    expect(editionDownloadPath('ru', 'GC-ST-2021-001-ru.pdf')).toBe('/ru/GC-ST-2021-001-ru.pdf')
    expect(checksumsPath('en')).toBe('/en/checksums.txt')
    expect(vcardPath('en', 'press office.vcf')).toBe('/en/contacts/press%20office.vcf')
    expect(topicPath('ru', 'families')).toBe('/ru/topics/families/')
    expect(pressKitPath('en', 'founding-kit')).toBe('/en/press-kits/founding-kit/')
  })
})
