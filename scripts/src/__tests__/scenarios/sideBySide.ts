import type { Browser, BrowserContext, Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import type { E2ePressRoom } from '../../lib/e2ePressRoom.ts'

/**
 * Issue 15, item 6 in the admin of the started CMS: the "Both languages" tab shows the English and
 * Russian versions of a publication and a press kit next to each other, in the English and the
 * Russian admin, and the per-language translation-state links narrow the list. Registered by an
 * end-to-end file that has already started the press room (notices.e2e.test.ts): no start of its own.
 */
export function describeSideBySide(started: () => E2ePressRoom): void {
  let room: E2ePressRoom
  let browser: Browser
  let baseUrl: string
  const tag = `e2e${Date.now().toString(36)}`
  const titles = {
    complete: { en: `Both languages ${tag}`, ru: `Оба языка ${tag}` },
    outdated: { en: `Russian outdated ${tag}`, ru: `Русский устарел ${tag}` },
    englishOnly: { en: `English only ${tag}` },
    kit: { en: `Kit ${tag}`, ru: `Пресс-кит ${tag}` },
  }
  const ids: Record<string, number> = {}

  beforeAll(async () => {
    room = started()
    ;({ browser, cmsUrl: baseUrl } = room)
    const context = await browser.newContext({ locale: 'en-GB' })
    const page = await context.newPage()
    await room.logIn(page)
    // Saved the way the admin saves: JSON to the REST API with the staff session, one language at a time.
    Object.assign(
      ids,
      await page.evaluate(async (titles) => {
        const body = (words: string) => ({
          root: {
            type: 'root',
            version: 1,
            direction: 'ltr',
            format: '',
            indent: 0,
            children: [
              {
                type: 'paragraph',
                version: 1,
                direction: 'ltr',
                format: '',
                indent: 0,
                children: [{ type: 'text', version: 1, text: words, format: 0, detail: 0, mode: 'normal', style: '' }],
              },
            ],
          },
        })
        const save = async (path: string, method: string, data: unknown) => {
          const response = await fetch(path, {
            method,
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(data),
          })
          if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`)
          return (await response.json()).doc.id as number
        }
        const date = '2026-03-01T00:00:00.000Z'
        const complete = await save('/api/statements?locale=en', 'POST', {
          title: titles.complete.en,
          summary: 'English summary.',
          place: 'Geneva',
          body: body('The English body.'),
          date,
          _status: 'published',
        })
        await save(`/api/statements/${complete}?locale=ru`, 'PATCH', {
          title: titles.complete.ru,
          summary: 'Русский лид.',
          place: 'Женева',
          body: body('Русский текст.'),
        })
        const outdated = await save('/api/statements?locale=en', 'POST', {
          title: titles.outdated.en,
          date,
          _status: 'published',
        })
        await save(`/api/statements/${outdated}?locale=ru`, 'PATCH', { title: titles.outdated.ru })
        // English changes after Russian was complete: the CMS marks Russian outdated by itself.
        await save(`/api/statements/${outdated}?locale=en`, 'PATCH', { title: `${titles.outdated.en}, changed` })
        const englishOnly = await save('/api/statements?locale=en', 'POST', { title: titles.englishOnly.en, date })
        const kit = await save('/api/press-kits?locale=en', 'POST', {
          title: titles.kit.en,
          description: 'About the kit.',
        })
        await save(`/api/press-kits/${kit}?locale=ru`, 'PATCH', { title: titles.kit.ru, description: 'О наборе.' })
        return { complete, outdated, englishOnly, kit }
      }, titles),
    )
    await context.close()
  })

  /** A signed-in page whose admin speaks `language` (Payload picks it from the browser's languages). */
  async function adminIn(language: 'en' | 'ru'): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ locale: language === 'ru' ? 'ru-RU' : 'en-GB' })
    const page = await context.newPage()
    await room.logIn(page)
    return { context, page }
  }

  const words = {
    en: { tab: 'Both languages', heading: 'Both languages side by side', outdated: 'outdated', missing: 'missing' },
    ru: { tab: 'Оба языка', heading: 'Оба языка рядом', outdated: 'устарел', missing: 'отсутствует' },
  }

  describe('translations in the admin', () => {
    for (const language of ['en', 'ru'] as const) {
      it(`shows both languages side by side and filters the list per language (${language} admin)`, async () => {
        const { context, page } = await adminIn(language)
        await page.goto(`${baseUrl}/admin/collections/statements/${ids.complete}`)
        await page.getByRole('link', { name: words[language].tab, exact: true }).click()
        await page.waitForURL(/\/both-languages$/)
        await page.getByRole('heading', { name: words[language].heading }).waitFor()

        const en = page.locator('[data-side-by-side] section[data-locale="en"]')
        const ru = page.locator('[data-side-by-side] section[data-locale="ru"]')
        await en.getByText(titles.complete.en).waitFor()
        await en.getByText('The English body.').waitFor()
        await ru.getByText(titles.complete.ru).waitFor()
        await ru.getByText('Русский текст.').waitFor()
        await ru.getByText('Женева').waitFor()
        expect(await en.locator('[data-state]').getAttribute('data-state')).toBe('complete')
        expect(await page.locator('[data-status]').getAttribute('data-status')).toBe('published')
        // Next to each other, not one under the other.
        const [left, right] = [await en.boundingBox(), await ru.boundingBox()]
        expect(right!.x).toBeGreaterThan(left!.x + left!.width - 1)
        expect(Math.abs(right!.y - left!.y)).toBeLessThan(5)
        // Each language links to its own edit view.
        expect(await ru.locator('a[href*="?locale=ru"]').count()).toBe(1)

        await page.goto(`${baseUrl}/admin/collections/press-kits/${ids.kit}/both-languages`)
        await page.locator('section[data-locale="en"]').getByText(titles.kit.en).waitFor()
        await page.locator('section[data-locale="ru"]').getByText('О наборе.').waitFor()

        await page.goto(`${baseUrl}/admin/collections/statements?limit=100&locale=en`)
        const filter = page.locator('nav[data-translation-filter] [data-locale="ru"]')
        const rows = page.locator('.table tbody')

        /** Follows one of the links and waits for the list it leads to (a full page load). */
        const choose = async (state: 'outdated' | 'missing') => {
          const link = filter.getByRole('link', { name: words[language][state], exact: true })
          const target = new RegExp(`translation=ru(%3A|:)${state}`)
          // On a machine loaded well beyond its cores, a click while the list view was still
          // hydrating once led nowhere for 30 s: the list's own client-side navigation took
          // its place. A reader would click again, and so does the test (at most three times).
          for (let attempt = 1; ; attempt++) {
            await link.click()
            const arrived = await page
              .waitForURL(target, { waitUntil: 'commit', timeout: 15_000 })
              .then(() => true)
              .catch((error: Error) => {
                if (attempt === 3) throw error
                return false
              })
            if (arrived) break
          }
          await filter.locator(`a[aria-current="true"][href*="ru%3A${state}"]`).waitFor()
        }

        await choose('outdated')
        await rows.getByText(`${titles.outdated.en}, changed`).waitFor()
        expect(await rows.getByText(titles.complete.en).count()).toBe(0)
        expect(await rows.getByText(titles.englishOnly.en).count()).toBe(0)

        await choose('missing')
        await rows.getByText(titles.englishOnly.en).waitFor()
        expect(await rows.getByText(titles.complete.en).count()).toBe(0)
        expect(await rows.getByText(`${titles.outdated.en}, changed`).count()).toBe(0)
        await context.close()
      })
    }
  })
}
