import { describe, expect, it } from 'vitest'
import { previewLifetimeSeconds, siblingPreviewToken, signPreviewToken, verifyPreviewToken } from '../preview/token.ts'

const secret = 'a-test-secret-that-is-long-enough-0123456789'
const subject = { collection: 'press-releases', id: '12', locale: 'ru' } as const

/** The signing module; the links, the Preview button's endpoint and the pages on both databases: leak-audit.test.ts. */
describe('preview tokens (docs/adr/0037-previews.md)', () => {
  it('a token opens its own subject until it expires, then nothing', () => {
    const now = Date.now()
    const token = signPreviewToken(secret, subject, now)
    expect(verifyPreviewToken(secret, token, now)).toEqual(subject)
    expect(verifyPreviewToken(secret, token, now + (previewLifetimeSeconds - 1) * 1000)).toEqual(subject)
    expect(verifyPreviewToken(secret, token, now + previewLifetimeSeconds * 1000 + 1000)).toBeNull()
  })

  it('any change to any part, or another secret, makes it worthless', () => {
    const token = signPreviewToken(secret, subject)
    const [collection, id, locale, expires, signature] = token.split('.') as [string, string, string, string, string]
    const forged = [
      [collection, '13', locale, expires, signature],
      [collection, id, 'en', expires, signature],
      ['statements', id, locale, expires, signature],
      [collection, id, locale, String(Number(expires) + 3600), signature],
      [collection, id, locale, expires, `${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`],
      [collection, id, locale, expires],
    ].map((parts) => parts.join('.'))
    for (const candidate of [...forged, '', 'x', `${token}.`, ` ${token}`]) {
      expect(verifyPreviewToken(secret, candidate)).toBeNull()
    }
    expect(verifyPreviewToken(`${secret}x`, token)).toBeNull()
  })

  it('a signature spelled with other spare bits is no signature (every last character but its own)', () => {
    const token = signPreviewToken(secret, subject)
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
    const others = [...alphabet].filter((c) => c !== token.at(-1)).map((c) => `${token.slice(0, -1)}${c}`)
    expect(others.filter((candidate) => verifyPreviewToken(secret, candidate) !== null)).toEqual([])
  })

  it("a preview's other language is signed to expire with it", () => {
    const now = Date.now() - 10 * 60_000
    const token = signPreviewToken(secret, subject, now)
    const english = siblingPreviewToken(secret, token, { ...subject, locale: 'en' })
    expect(english.split('.')[3]).toBe(token.split('.')[3])
    expect(verifyPreviewToken(secret, english)).toEqual({ ...subject, locale: 'en' })
    expect(verifyPreviewToken(secret, english, now + previewLifetimeSeconds * 1000 + 1000)).toBeNull()
  })
})
