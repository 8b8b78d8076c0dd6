/**
 * The sitemap is built from the links each page declares while it renders (src/lib/pageLinks.ts).
 * With incremental builds (docs/adr/0051-incremental-site-builds.md) a page whose cacheKey is
 * unchanged is copied from the last build, not rendered, so it declares nothing: its links are
 * carried over from the last build, which wrote every page's links next to Astro's own manifest.
 *
 * The file is taken away when a build starts and written again only when the build finished: a
 * build that failed after Astro wrote its manifest (Pagefind, the sitemap) leaves no links file,
 * and then the next build drops Astro's manifest too and renders every page.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import type { PageLinks } from '../lib/pageLinks.ts'

const linksFile = 'pressroom-page-links.json'
/** Astro's own manifest of the last build (astro/dist/core/build/incremental.js). */
const astroManifest = 'incremental-build.json'

/** Called when the build starts: last build's links, and its manifest dropped if they are lost. */
export function takeCarriedLinks(cacheDir: URL): Map<string, PageLinks> {
  const file = new URL(linksFile, cacheDir)
  if (!existsSync(file)) {
    rmSync(new URL(astroManifest, cacheDir), { force: true })
    return new Map()
  }
  let links: Map<string, PageLinks>
  try {
    links = new Map(Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, PageLinks>))
  } catch {
    rmSync(new URL(astroManifest, cacheDir), { force: true })
    links = new Map()
  }
  rmSync(file, { force: true })
  return links
}

/** Called when the build is done: every page's links, for the next build. */
export function keepLinks(cacheDir: URL, links: Map<string, PageLinks>): void {
  writeFileSync(new URL(linksFile, cacheDir), JSON.stringify(Object.fromEntries(links)))
}
