import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { localeCodes, privacyNoticeVersion } from '@pressroom/shared'
import { describe, expect, it } from 'vitest'

/**
 * The pages journalists and readers expect, as written: each in every language with a title and a
 * description, routed, linked from the footer (and the notice from the subscribe form). The built
 * site is checked in Chromium by scripts/src/__tests__/site.e2e.test.ts.
 */
const srcDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const read = (relative: string) => readFileSync(path.join(srcDir, relative), 'utf8')
const policies = [
  { name: 'privacy', path: 'privacyPath' },
  { name: 'accessibility', path: 'accessibilityPath' },
  { name: 'embargo-policy', path: 'embargoPolicyPath' },
]

/** The frontmatter's `key: value` lines. */
function frontmatter(text: string): Record<string, string> {
  const block = /^---\n([\s\S]*?)\n---\n/.exec(text)?.[1] ?? ''
  return Object.fromEntries(
    block
      .split('\n')
      .map((line) => [line.slice(0, line.indexOf(':')).trim(), line.slice(line.indexOf(':') + 1).trim()]),
  )
}

describe('the policy pages', () => {
  it('exist in every language, with a title, a description and a body, and a route built from shared/src/urls.ts', () => {
    for (const { name, path: builder } of policies) {
      const route = read(`pages/[locale]/${name}.astro`)
      expect(route).toContain(`name="${name}" path={${builder}(locale)}`)
      for (const locale of localeCodes) {
        const file = `content/pages/${name}.${locale}.mdx`
        expect(existsSync(path.join(srcDir, file)), file).toBe(true)
        const text = read(file)
        const data = frontmatter(text)
        expect(data.title, file).toBeTruthy()
        expect(data.description, file).toBeTruthy()
        expect(text.split('\n---\n')[1]?.length ?? 0, file).toBeGreaterThan(500)
      }
    }
  })

  it('give the privacy notice, in every language, the version the CMS records with each consent', () => {
    for (const locale of localeCodes) {
      expect(frontmatter(read(`content/pages/privacy.${locale}.mdx`)).version, locale).toBe(privacyNoticeVersion)
    }
  })

  it('are linked from the footer of every page, and the notice from the subscribe form', () => {
    const footer = /<footer class="site">[\s\S]*?<\/footer>/.exec(read('layouts/Base.astro'))?.[0] ?? ''
    for (const { path: builder } of policies) expect(footer).toContain(`href={href(${builder}(locale))}`)
    const form = /<form class="subscribe"[\s\S]*?<\/form>/.exec(read('pages/[locale]/subscribe.astro'))?.[0] ?? ''
    expect(form).toContain('href={href(privacyPath(locale))}')
  })
})
