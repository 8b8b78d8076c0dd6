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

/** Reads the links of every page, a few files at a time. */
async function collectPageLinks(out: string): Promise<Map<string, PageLinks>> {
  const found = new Map<string, PageLinks>()
  let batch: string[] = []
  const flush = async () => {
    const read = await Promise.all(
      batch.map(async (file) => [file, readPageLinks(await readFile(file, 'utf8'))] as const),
    )
    for (const [file, links] of read) if (links.canonical) found.set(path.relative(out, file), links)
    batch = []
  }
  for await (const file of htmlFiles(out)) {
    batch.push(file)
    if (batch.length === 64) await flush()
  }
  await flush()
  return found
}

/** The Pagefind index of the built site (Pagefind works in a process of its own). */
async function indexForSearch(out: string): Promise<{ pages: number; ms: number }> {
  const started = Date.now()
  const { index, errors } = await pagefind.createIndex({})
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`)
  const added = await index.addDirectory({ path: out })
  if (added.errors.length > 0) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`)
  const written = await index.writeFiles({ outputPath: path.join(out, 'pagefind') })
  if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`)
  await pagefind.close()
  return { pages: added.page_count, ms: Date.now() - started }
}

export function pressroom(): AstroIntegration {
  return {
    name: 'pressroom',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir)
        // Pagefind reads the pages in its own process while this one reads their links: both cores work.
        const [links, search] = await Promise.all([collectPageLinks(out), indexForSearch(out)])
        pageLinks.clear()
        for (const [page, found] of links) pageLinks.set(page, found)
        logger.info(`Pagefind indexed ${search.pages} pages in ${search.ms} ms`)
      },
    },
  }
}
