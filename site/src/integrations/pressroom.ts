/**
 * The site's own build steps:
 * - for the sitemap, each page's canonical URL and real language alternates, as the page
 *   declared them while it rendered (src/lib/pageLinks.ts);
 * - after the pages are written, the Pagefind index (one per language, from each page's <html lang>)
 *   and the `_headers` file with the site's security headers (src/lib/securityHeaders.ts);
 * - before the content loaders run, the CMS's answers they will need (src/loaders/cms.ts);
 * - for the pages an incremental build copies instead of rendering, last build's links (./carriedPageLinks.ts).
 */
import { existsSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { accessibilityPath, documentKinds, embargoPolicyPath, localeCodes, privacyPath } from '@pressroom/shared'
import type { AstroIntegration } from 'astro'
import * as pagefind from 'pagefind'
import { publicCmsUrl, siteUrl } from '../config.ts'
import { forgetPrefetched } from '../lib/cms.ts'
import { listenForPageLinks, type PageLinks } from '../lib/pageLinks.ts'
import { siteHeadersFile } from '../lib/securityHeaders.ts'
import { prefetchPublications } from '../loaders/cms.ts'
import { keepLinks, takeCarriedLinks } from './carriedPageLinks.ts'

/**
 * Filled while pages render (src/lib/pageLinks.ts), read by the sitemap's filter and serialize
 * (listed after this integration), by the page's path inside the site: `en/statements/founding-statement/`.
 */
export const pageLinks = new Map<string, PageLinks>()

/** A URL path as Astro renders it (`/press/en/`) as a path inside the site (`en/`). */
export function insideBase(pathname: string, base: string): string {
  const withSlash = base.endsWith('/') ? base : `${base}/`
  const inside = pathname.startsWith(withSlash) ? pathname.slice(withSlash.length) : pathname
  return inside.replace(/^\/+/, '')
}

/**
 * The Pagefind index of the built site, in Pagefind's own process (it uses both cores). Only
 * document pages and the policy pages carry `data-pagefind-body`, so only they are read: every
 * other page would be parsed to be left out.
 */
const policyPaths = [privacyPath, accessibilityPath, embargoPolicyPath]

async function indexForSearch(out: string): Promise<{ pages: number; ms: number }> {
  const started = Date.now()
  const { index, errors } = await pagefind.createIndex({})
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`)
  const glob = `{${localeCodes.join(',')}}/{${documentKinds.map((k) => k.path).join(',')}}/*/index.html`
  const added = await index.addDirectory({ path: out, glob })
  if (added.errors.length > 0) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`)
  // The policy pages (privacy notice, accessibility, embargo policy) are searched too.
  const policies = localeCodes.flatMap((locale) => policyPaths.map((policy) => policy(locale).replace(/^\/|\/$/g, '')))
  const addedPolicies = await index.addDirectory({ path: out, glob: `{${policies.join(',')}}/index.html` })
  if (addedPolicies.errors.length > 0)
    throw new Error(`Pagefind could not index the policy pages: ${addedPolicies.errors.join('; ')}`)
  const written = await index.writeFiles({ outputPath: path.join(out, 'pagefind') })
  if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`)
  await pagefind.close()
  return { pages: added.page_count + addedPolicies.page_count, ms: Date.now() - started }
}

export function pressroom(): AstroIntegration {
  let base = '/'
  let cacheDir: URL | undefined
  /** Last build's links of the pages this build copies instead of rendering (./carriedPageLinks.ts). */
  let carried = new Map<string, PageLinks>()
  return {
    name: 'pressroom',
    hooks: {
      'astro:config:setup': ({ command, config }) => {
        if (command !== 'build') return
        // The loaders run after Astro has loaded its config and the content config: ask the CMS
        // for the documents now, while it would otherwise wait. Everything when there is no
        // content store yet (a first or cold build); otherwise only what changed is fetched later.
        // A failure here is the loaders' to report: they ask again and say what went wrong.
        prefetchPublications(!existsSync(new URL('data-store.json', config.cacheDir))).catch(() => {})
      },
      'astro:config:done': ({ config }) => {
        base = config.base
        cacheDir = config.cacheDir
      },
      'astro:build:start': () => {
        // Content is synced by now: nothing will take a prefetched answer any more.
        forgetPrefetched()
        pageLinks.clear()
        if (cacheDir) carried = takeCarriedLinks(cacheDir)
        listenForPageLinks((pathname, links) => pageLinks.set(insideBase(pathname, base), links))
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        listenForPageLinks(undefined)
        const rendered = pageLinks.size
        for (const page of pages) {
          const name = page.pathname.replace(/^\/+/, '')
          const links = pageLinks.has(name) ? undefined : carried.get(name)
          if (links) pageLinks.set(name, links)
        }
        carried = new Map()
        // Read by the incremental build test (cms/src/__tests__/incremental-site-build.test.ts) too.
        logger.info(`${rendered} pages rendered, ${pageLinks.size - rendered} copied from the last build`)
        if (pageLinks.size === 0)
          throw new Error('No page declared its links (src/lib/pageLinks.ts): the sitemap would be empty.')
        // Pages (paths ending in "/") that declared nothing are not in the sitemap; Astro's own
        // not-found page (404/) is never in it.
        const undeclared = pages
          .map((page) => page.pathname.replace(/^\/+/, ''))
          .filter((page) => (page === '' || page.endsWith('/')) && page !== '404/' && !pageLinks.has(page))
        if (undeclared.length > 0) {
          logger.warn(
            `${undeclared.length} page(s) declared no canonical URL, so the sitemap leaves them out; render them with the Base layout or call declarePageLinks: ${undeclared.slice(0, 5).join(', ')}`,
          )
        }
        const search = await indexForSearch(fileURLToPath(dir))
        logger.info(`Pagefind indexed ${search.pages} pages in ${search.ms} ms`)
        await writeFile(new URL('_headers', dir), siteHeadersFile({ siteUrl, publicCmsUrl }))
        if (cacheDir) keepLinks(cacheDir, pageLinks)
      },
    },
  }
}
