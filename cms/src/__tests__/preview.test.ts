import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { previewPage } from '../preview/handlers.ts'
import { loadPreviewInput } from '../preview/loadPreviewInput.ts'
import { previewLifetimeSeconds, previewPath, signPreviewToken, verifyPreviewToken } from '../preview/token.ts'
import { createStaff, type StartedPayload, staffPassword, startPayload, testDatabase } from '../testing/payload.ts'
import { apiSlug, restHandlers } from '../testing/serveRest.ts'

const secret = 'a-test-secret-that-is-long-enough-0123456789'
const subject = { collection: 'press-releases', id: '12', locale: 'ru' } as const

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
})

describe(`page previews through the CMS (${testDatabase})`, () => {
  let started: StartedPayload
  let payload: Payload
  let id: number | string

  async function get(path: string, token?: string) {
    const url = new URL(`http://localhost/api${path}`)
    const headers = new Headers(token ? { Authorization: `JWT ${token}` } : {})
    return restHandlers(payload).GET!(new Request(url, { headers }), {
      params: Promise.resolve({ slug: apiSlug(url.pathname) }),
    })
  }

  beforeAll(async () => {
    started = await startPayload()
    payload = started.payload
    process.env.PAYLOAD_SECRET ||= secret
    const release = await payload.create({
      collection: 'press-releases',
      locale: 'en',
      data: { title: 'The published title', slug: 'preview-me', date: '2026-03-01', _status: 'published' },
    })
    id = release.id
    await payload.update({
      collection: 'press-releases',
      id,
      locale: 'en',
      draft: true,
      data: { title: 'The draft title', _status: 'draft' },
    })
  }, 120_000)

  afterAll(async () => {
    await started?.stop()
  })

  it('staff, translators too, get a signed link by the Preview button; nobody else does', async () => {
    const translator = await createStaff(payload, 'translator')
    const { token } = await payload.login({
      collection: 'users',
      data: { email: translator.email, password: staffPassword },
    })
    const signed = await get(`/preview-link/press-releases/${id}/ru`, token)
    expect(signed.status).toBe(302)
    const location = signed.headers.get('location') ?? ''
    expect(location.startsWith('/preview/')).toBe(true)
    expect(signed.headers.get('cache-control')).toBe('private, no-store')
    expect(verifyPreviewToken(process.env.PAYLOAD_SECRET as string, location.slice('/preview/'.length))).toEqual({
      collection: 'press-releases',
      id: String(id),
      locale: 'ru',
    })
    expect((await get(`/preview-link/press-releases/${id}/ru`)).status).toBe(401)
    expect((await get(`/preview-link/users/${id}/ru`, token ?? undefined)).status).toBe(404)
  })

  it('renders the latest draft with the site page, with the fallback notice where Russian is missing', async () => {
    const input = await loadPreviewInput(payload, { collection: 'press-releases', id: String(id), locale: 'ru' })
    expect(input?.docs['press-releases']?.[0]?.en?.title).toBe('The draft title')
    const token = signPreviewToken(process.env.PAYLOAD_SECRET as string, {
      collection: 'press-releases',
      id: String(id),
      locale: 'ru',
    })
    const response = await previewPage(new Request(`http://localhost${previewPath(token)}`), token, async () => payload)
    const html = await response.text()
    expect(response.status, html.slice(0, 300)).toBe(200)
    expect(html).toContain('The draft title')
    expect(html).not.toContain('The published title')
    expect(html).toContain('Этот документ ещё не переведён на русский язык')
    expect(html).toContain('Предпросмотр — не опубликовано')
    expect(html).toContain('<html lang="ru">')
  })
})
