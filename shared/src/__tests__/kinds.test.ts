import { describe, expect, it } from 'vitest'
import { editionLabels } from '../editions/labels.ts'
import { allKindsHeading, documentKinds, kindLabels, kindWord, kindWordInSentence, localeCodes } from '../index.ts'

// Every label naming a kind (admin, site, PDFs, e-mails) derives from these words: a language
// without them would show an empty heading somewhere.
describe('kind words', () => {
  for (const { kind } of documentKinds) {
    it(`name "${kind}" in every working language, one and many`, () => {
      for (const locale of localeCodes) {
        for (const number of ['singular', 'plural'] as const) {
          expect(kindWord(kind, locale, number).trim(), `${kind} ${locale} ${number}`).not.toBe('')
        }
        expect(kindWord(kind, locale, 'plural')).not.toBe(kindWord(kind, locale, 'singular'))
      }
    })

    it(`give "${kind}" one admin label per working language`, () => {
      for (const number of ['singular', 'plural'] as const) {
        const labels = kindLabels(kind, number)
        expect(Object.keys(labels).sort()).toEqual([...localeCodes].sort())
        for (const locale of localeCodes) expect(labels[locale]).toBe(kindWord(kind, locale, number))
      }
    })
  }

  it('are written as headings, and lowered inside a sentence', () => {
    expect(kindWord('pressRelease', 'en', 'singular')).toBe('Press release')
    expect(kindWordInSentence('pressRelease', 'en', 'plural')).toBe('press releases')
    expect(kindWordInSentence('pressRelease', 'ru', 'plural')).toBe('пресс-релизы')
  })

  it("list every kind in one heading, in each language's own way", () => {
    expect(allKindsHeading('en')).toBe('Statements, notices and press releases')
    expect(allKindsHeading('ru')).toBe('Заявления, уведомления и пресс-релизы')
  })

  it('head a PDF edition with the name of one document of its kind', () => {
    for (const locale of localeCodes) {
      for (const { kind } of documentKinds) {
        expect(editionLabels(locale).kind[kind]).toBe(kindWord(kind, locale, 'singular'))
      }
    }
    expect(editionLabels('en').kind.pressRelease).toBe('Press release')
    expect(editionLabels('ru').kind.statement).toBe('Заявление')
  })
})
