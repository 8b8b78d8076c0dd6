import { type I18nOptions, initI18n } from '@payloadcms/translations'
import { en as payloadEn } from '@payloadcms/translations/languages/en'
import { ru as payloadRu } from '@payloadcms/translations/languages/ru'
import { localeCodes } from '@pressroom/shared'
import type { ServerProps } from 'payload'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { SystemStatusNavLink } from '../../../components/SystemStatusNavLink.tsx'
import { adminT } from '../adminT.ts'
import { adminTranslations } from '../translations.ts'

/** Every word of a dictionary, by its key path. */
const flatten = (words: object, prefix = ''): Record<string, string> =>
  Object.fromEntries(
    Object.entries(words).flatMap(([key, value]) =>
      typeof value === 'string' ? [[`${prefix}${key}`, value]] : Object.entries(flatten(value, `${prefix}${key}:`)),
    ),
  )
const placeholders = (word: string) => [...word.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort()

/** Payload's own i18n set up as in payload.config.ts, for one admin language. */
const config = {
  fallbackLanguage: 'en' as const,
  supportedLanguages: { en: payloadEn, ru: payloadRu },
  translations: adminTranslations,
}
/** What a client component gets (Payload filters its own words for the browser). */
const clientI18n = (language: 'en' | 'ru') => initI18n({ config, context: 'client', language })
/** What a server component gets (the type wants Payload's whole dictionary; Payload merges ours into it). */
const serverI18n = (language: 'en' | 'ru') =>
  initI18n({ config: config as unknown as I18nOptions, context: 'api', language })

describe("the admin's own words (src/i18n/admin)", () => {
  const english = flatten(adminTranslations.en.pressroom)

  it('exist in every working language, with the same keys and the same {{placeholders}}', () => {
    for (const code of localeCodes) {
      const words = flatten(adminTranslations[code].pressroom)
      expect(Object.keys(words).sort(), code).toEqual(Object.keys(english).sort())
      for (const [key, word] of Object.entries(words)) {
        expect(word.trim(), `${code} ${key}`).not.toBe('')
        expect(placeholders(word), `${code} ${key}`).toEqual(placeholders(english[key]!))
      }
    }
  })

  it('never resolve to their English text in another language (nothing falls back silently)', async () => {
    // Words that are honestly the same in every language; none so far. Add one only with a reason.
    const sameEverywhere = new Set<string>([])
    for (const code of localeCodes.filter((c) => c !== 'en')) {
      const { t } = await serverI18n(code as 'ru')
      const resolve = t as unknown as (key: string) => string
      for (const [key, word] of Object.entries(english)) {
        if (sameEverywhere.has(key)) continue
        const resolved = resolve(`pressroom:${key}`)
        expect(resolved, `${code} ${key}`).not.toBe(word)
        expect(resolved, `${code} ${key}`).toBe(flatten(adminTranslations[code].pressroom)[key])
      }
    }
  })

  it("reach the browser's translations in Russian and fill in their placeholders", async () => {
    const t = adminT((await clientI18n('ru')).t, 'twoFactor')
    expect(t('signIn')).toBe('Войти')
    expect(t('codesLeft', { left: 7 })).toBe('Осталось кодов восстановления: 7.')
  })

  it("render on the server in the admin's language", async () => {
    const payload = { config: { routes: { admin: '/admin' } } }
    const link = async (language: 'en' | 'ru') =>
      renderToStaticMarkup(
        createElement(SystemStatusNavLink, { i18n: await serverI18n(language), payload } as unknown as ServerProps),
      )
    expect(await link('ru')).toContain('>Состояние системы</span>')
    expect(await link('en')).toContain('>System status</span>')
  })
})
