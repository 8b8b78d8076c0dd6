import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { isLocale, type Locale, localeCodes } from '@pressroom/shared'

/**
 * Short links on our own site server (docs/adr/0047). The build writes every short link as a
 * static page (site/src/components/RefPage.astro) that works on any host; where we serve the site
 * ourselves, the same page answers as a real redirect instead: a language's short link to the page
 * its meta refresh names, the language-neutral one to the language the reader's Accept-Language
 * prefers among the page's links. The built page stays the one source of where a link leads.
 */
const refPattern = /^\/(?:([a-z]{2})\/)?ref\/([^/]+)\/?$/

/** `{ locale?, folder }` when `sitePath` (inside the base path) is a short link, else undefined. */
export function matchRefPath(sitePath: string): { locale?: Locale; folder: string } | undefined {
  const match = refPattern.exec(sitePath)
  if (!match) return undefined
  const [, locale, reference] = match
  if (locale && !isLocale(locale)) return undefined
  let decoded: string
  try {
    decoded = decodeURIComponent(reference!)
  } catch {
    return undefined
  }
  // A reference number is letters, digits and dashes (shared/src/reference.ts): nothing else reaches the disk.
  if (!/^[A-Za-z0-9-]+$/.test(decoded)) return undefined
  return { locale: locale as Locale | undefined, folder: path.join(...(locale ? [locale] : []), 'ref', decoded) }
}

/** The languages of an Accept-Language header, best first (q=0 left out). */
export function acceptedLanguages(header: string | undefined): string[] {
  return (header ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';')
      const q = Number(
        params
          .find((p) => p.trim().startsWith('q='))
          ?.trim()
          .slice(2) ?? 1,
      )
      return { code: tag.trim().toLowerCase().split('-')[0] ?? '', q: Number.isFinite(q) ? q : 0, index }
    })
    .filter((l) => l.code && l.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((l) => l.code)
}

const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1]?.replace(/&amp;/g, '&')

/** Where a short link's built page sends the reader, for this Accept-Language; undefined when it names nowhere. */
export function refPageTarget(html: string, acceptLanguage: string | undefined): string | undefined {
  const refresh = /<meta http-equiv="refresh" content="0; url=([^"]+)"/.exec(html)?.[1]
  if (refresh) return refresh.replace(/&amp;/g, '&')
  const links = [...html.matchAll(/<a\s[^>]*data-ref-locale="[^"]*"[^>]*>/g)].map((m) => ({
    locale: attr(m[0], 'data-ref-locale'),
    href: attr(m[0], 'href'),
  }))
  const wanted = acceptedLanguages(acceptLanguage).filter((code) => (localeCodes as readonly string[]).includes(code))
  const chosen = wanted.map((code) => links.find((l) => l.locale === code)).find(Boolean) ?? links[0]
  return chosen?.href
}

/** The redirect for a short link under `liveDir`, or undefined (not a short link, or no such page: the caller's 404). */
export async function refRedirect(
  liveDir: string,
  sitePath: string,
  acceptLanguage: string | undefined,
): Promise<string | undefined> {
  const ref = matchRefPath(sitePath)
  if (!ref) return undefined
  const html = await readFile(path.join(liveDir, ref.folder, 'index.html'), 'utf8').catch(() => undefined)
  return html ? refPageTarget(html, acceptLanguage) : undefined
}
