import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'

/**
 * The language-neutral short link's script (public/scripts/ref.js, docs/adr/0047), run as the
 * browser runs it, against the links the ref page has (components/RefPage.astro). Our own server
 * redirects by Accept-Language before a browser gets the page; every other host relies on this.
 */
const script = readFileSync(
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../public/scripts/ref.js'),
  'utf8',
)
const links = [
  { dataset: { refLocale: 'en' }, href: 'https://press.example.org/en/press-releases/talks/' },
  { dataset: { refLocale: 'ru' }, href: 'https://press.example.org/ru/press-releases/talks/' },
]

/** Where the script sends a browser whose language list is `languages`; undefined if it stays. */
function openedWith(languages: string[] | undefined, language = '', onPage = links): string | undefined {
  let opened: string | undefined
  runInNewContext(script, {
    document: { querySelectorAll: (selector: string) => (selector === 'a[data-ref-locale]' ? onPage : []) },
    navigator: { languages, language },
    location: {
      replace: (href: string) => {
        opened = href
      },
    },
  })
  return opened
}

describe('the short link script', () => {
  it("opens the document in the first of the reader's languages it has", () => {
    expect(openedWith(['ru-RU', 'en'])).toBe(links[1]!.href)
    expect(openedWith(['de-DE', 'ru'])).toBe(links[1]!.href)
    expect(openedWith(['en-GB', 'ru'])).toBe(links[0]!.href)
    expect(openedWith(undefined, 'ru')).toBe(links[1]!.href)
  })

  it('opens the first language listed when the reader reads none of them, and stays without links', () => {
    expect(openedWith(['fr-FR', 'de'])).toBe(links[0]!.href)
    expect(openedWith([], '')).toBe(links[0]!.href)
    expect(openedWith(['ru'], 'ru', [])).toBeUndefined()
  })
})
