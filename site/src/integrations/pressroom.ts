/**
 * After the pages are written: the Pagefind index (one per language, from each page's <html lang>)
 * and, for the sitemap, each page's real language alternates and canonical URL read back from
 * the HTML, so the sitemap lists exactly what the pages declare.
 */
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { AstroIntegration } from 'astro'
import * as pagefind from 'pagefind'

export type PageLinks = { canonical?: string; alternates: { lang: string; url: string }[]; noindex: boolean }

/** Filled at build:done, read by the sitemap's filter and serialize (listed after this integration). */
export const pageLinks = new Map<string, PageLinks>()

async function* htmlFiles(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) {
      if (entry.name !== 'pagefind') yield* htmlFiles(full)
    } else if (entry.name.endsWith('.html')) yield full
  }
}

const attribute = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1]

export function readPageLinks(html: string): PageLinks {
  const head = html.slice(0, html.indexOf('</head>') + 1 || undefined)
  const links: PageLinks = { alternates: [], noindex: /<meta name="robots" content="[^"]*noindex/.test(head) }
  for (const [tag] of head.matchAll(/<link\b[^>]*>/g)) {
    const rel = attribute(tag, 'rel')
    const url = attribute(tag, 'href')?.replace(/&amp;/g, '&')
    if (!url) continue
    if (rel === 'canonical') links.canonical = url
    const lang = attribute(tag, 'hreflang')
    if (rel === 'alternate' && lang) links.alternates.push({ lang, url })
  }
  return links
}

export function pressroom(): AstroIntegration {
  return {
    name: 'pressroom',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir)
        pageLinks.clear()
        for await (const file of htmlFiles(out)) {
          const links = readPageLinks(await readFile(file, 'utf8'))
          if (links.canonical) pageLinks.set(path.relative(out, file), links)
        }
        const started = Date.now()
        const { index, errors } = await pagefind.createIndex({})
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`)
        const added = await index.addDirectory({ path: out })
        if (added.errors.length > 0) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`)
        const written = await index.writeFiles({ outputPath: path.join(out, 'pagefind') })
        if (written.errors.length > 0)
          throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`)
        await pagefind.close()
        logger.info(`Pagefind indexed ${added.page_count} pages in ${Date.now() - started} ms`)
      },
    },
  }
}
