import type { BrowserContext, Page } from 'playwright-core'
import sharp from 'sharp'
import { expect } from 'vitest'
import type { E2ePressRoom } from '../../lib/e2ePressRoom.ts'

/**
 * Issue 15, item 1 (docs/adr/0037-previews.md): staff press Preview on a draft press release in
 * the admin of the started CMS (`./pressroom start`, which builds the site's preview bundle) and
 * see the site's own page for the draft, in English and in Russian (the fallback notice where
 * Russian is missing); the draft's photo shows (served through the preview link) and the
 * navigation leads to the public site; the same link with one character changed shows nothing. It runs inside an
 * end-to-end file that has already started the press room (notices.e2e.test.ts), so it costs no
 * start of its own.
 */
export async function previewDraftFromAdmin(room: E2ePressRoom): Promise<void> {
  const draftTitle = 'Preview e2e: a draft nobody has read yet'
  const context: BrowserContext = await room.browser.newContext({ locale: 'en-GB' })
  const admin = await context.newPage()
  await room.logIn(admin)
  const photo = await sharp({ create: { width: 320, height: 200, channels: 3, background: '#4a6a88' } })
    .jpeg()
    .toBuffer()
  // Created as the admin's own page would, through the REST API with the session cookie.
  const id = await admin.evaluate(
    async ({ title, photoBase64 }) => {
      const form = new FormData()
      const bytes = Uint8Array.from(atob(photoBase64), (c) => c.charCodeAt(0))
      form.append('file', new Blob([bytes], { type: 'image/jpeg' }), 'preview-e2e-photo.jpg')
      form.append('_payload', JSON.stringify({ alt: 'A photo only the draft uses' }))
      const uploaded = await fetch('/api/media?locale=en', { method: 'POST', body: form })
      if (!uploaded.ok) throw new Error(`uploading the photo: ${uploaded.status} ${await uploaded.text()}`)
      const media = [(await uploaded.json()).doc.id as number]
      const response = await fetch('/api/press-releases?draft=true&locale=en', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          title,
          slug: 'preview-e2e',
          summary: 'What the preview shows.',
          media,
          _status: 'draft',
        }),
      })
      if (!response.ok) throw new Error(`creating the draft: ${response.status} ${await response.text()}`)
      return (await response.json()).doc.id as number
    },
    { title: draftTitle, photoBase64: photo.toString('base64') },
  )

  /** Presses Preview on the edit view in `locale` and returns the tab it opens. */
  const pressPreview = async (locale: 'en' | 'ru'): Promise<Page> => {
    await admin.goto(`${room.cmsUrl}/admin/collections/press-releases/${id}?locale=${locale}`)
    const [tab] = await Promise.all([context.waitForEvent('page'), admin.locator('#preview-button').click()])
    await tab.waitForLoadState('load')
    return tab
  }

  const english = await pressPreview('en')
  expect(new URL(english.url()).pathname).toMatch(/^\/preview\/press-releases\.\d+\.en\.\d+\.[\w-]{43}$/)
  await english.getByRole('heading', { level: 1, name: draftTitle }).waitFor()
  await english.getByText('Preview — not published').waitFor()
  // The site's layout and stylesheet: its header and navigation, styled from the CMS's origin.
  await english.getByRole('navigation', { name: 'Main' }).waitFor()
  const styled = await english.evaluate(() =>
    [...document.styleSheets].some((sheet) => sheet.href?.includes('/preview/assets/') && sheet.cssRules.length > 0),
  )
  expect(styled).toBe(true)
  // The draft's photo (not public: nothing published uses it) loads through the preview link.
  const image = english.getByRole('img', { name: 'A photo only the draft uses' })
  await image.waitFor()
  expect(await image.getAttribute('src')).toMatch(/^\/preview\/press-releases\.\d+\.en\.\d+\.[\w-]{43}\/media\//)
  await expect
    .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 5000 })
    .toBeGreaterThan(0)
  // Page links open the public site, not the CMS's origin.
  const home = await english.getByRole('navigation', { name: 'Main' }).getByRole('link').first().getAttribute('href')
  expect(home?.startsWith(`${room.siteUrl}/`), String(home)).toBe(true)

  const russian = await pressPreview('ru')
  await russian.getByText('Предпросмотр — не опубликовано').waitFor()
  await russian.getByText('Этот документ ещё не переведён на русский язык', { exact: false }).waitFor()
  expect(await russian.locator('html').getAttribute('lang')).toBe('ru')
  await russian.getByRole('heading', { level: 1, name: draftTitle }).waitFor()

  const url = russian.url()
  const last = url.at(-1) === 'A' ? 'B' : 'A'
  const answer = await russian.goto(`${url.slice(0, -1)}${last}`)
  expect(answer?.status()).toBe(404)
  expect(answer?.headers()['x-robots-tag']).toBe('noindex, nofollow')
  expect(await russian.content()).not.toContain(draftTitle)
  await context.close()
}
