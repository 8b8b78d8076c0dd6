import { documentPath, kindListPath, localeCodes, localeHomePath, searchPath, subscribePath } from '@pressroom/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type DevtoolsChromium, launchDevtoolsChromium } from '../../lib/browser.ts'
import { lighthouseCategories, runLighthouse } from '../../lib/lighthouse.ts'

/** The pages issue 16 (part 10) names, in each language; the document is the seeded founding statement. */
const pages = localeCodes.flatMap((locale) => [
  localeHomePath(locale),
  kindListPath(locale, 'statement'),
  documentPath(locale, 'statement', 'founding-statement'),
  searchPath(locale),
  subscribePath(locale),
])

/**
 * Issue 16, part 10 (docs/adr/0050): Lighthouse 100 in performance, accessibility, best practices
 * and SEO on the home, list, document, search and subscribe pages in both languages, run on the
 * site the end-to-end file has built and serves (site.e2e.test.ts): one Chromium, one page at a
 * time, the desktop preset with simulated throttling.
 */
export function describeLighthouse(siteUrl: () => string): void {
  describe('Lighthouse', () => {
    let chromium: DevtoolsChromium
    beforeAll(async () => {
      chromium = await launchDevtoolsChromium()
    })
    afterAll(async () => {
      await chromium?.close()
    })

    it('scores 100 in all four categories on the home, list, document, search and subscribe pages in both languages', {
      timeout: pages.length * 30_000,
    }, async () => {
      const below: string[] = []
      for (const pathname of pages) {
        const started = Date.now()
        const { scores, failing } = await runLighthouse(`${siteUrl()}${pathname}`, chromium.port)
        console.log(
          `[lighthouse] ${pathname} ${lighthouseCategories.map((c) => `${c} ${scores[c]}`).join(', ')} ` +
            `(${((Date.now() - started) / 1000).toFixed(1)} s)`,
        )
        for (const category of lighthouseCategories) {
          if (scores[category] < 100) below.push(`${pathname} ${category} ${scores[category]}: ${failing.join('; ')}`)
        }
      }
      expect(below).toEqual([])
    })
  })
}
