/**
 * The baseline the site's build is compared with (issue 3: "a bare Astro build of the same
 * pages"): a plain Astro 7 project, generated at bench time, as someone would write this site
 * without this project's CMS loader, PDF editions and search. Content comes from a JSON snapshot of
 * the same published documents through Astro's built-in `file()` loader (with a zod schema) and the
 * site's own MDX about pages through `glob()`; one layout (head with canonical, hreflang
 * alternates and feed links, a small inline stylesheet, navigation, footer); a page per document
 * and language with the same body HTML (`@pressroom/shared/richtext`, rendered into the snapshot);
 * paginated lists per kind, year archives and topic pages; RSS feeds through `@astrojs/rss` with
 * the full text; a JSON Feed; `@astrojs/mdx` and `@astrojs/sitemap`. It writes the same URLs as the
 * site (the benchmark compares the two sets). The site's own `astro` and integrations are used,
 * through symlinks; kinds and languages come from `@pressroom/shared`, as on the site.
 *
 * The project is the folder `bareAstro/` beside this file (checked by Biome, its `.ts` files by the
 * scripts' type check), copied at bench time with the snapshot and the site's about pages added.
 */
import { copyFileSync, cpSync, mkdirSync, readdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { documentKinds, documentPath, type Locale, localeCodes } from '@pressroom/shared'
import { renderRichText } from '@pressroom/shared/richtext'

/** The baseline project's own files. */
const templateDir = fileURLToPath(new URL('./bareAstro', import.meta.url))

export type SnapshotDocument = {
  /** `<collection>-<id>`: the entry id in the baseline's content collection. */
  id: string
  /** URL path segment of the kind (`statements`, `press-releases`). */
  kindPath: string
  slug: string
  date: string
  /** Topic slugs. */
  topics: string[]
  /** The document's page in each language, without slashes around it. */
  path: Partial<Record<Locale, string>>
  versions: Partial<Record<Locale, { title: string; summary?: string; bodyHtml: string }>>
}
export type Snapshot = {
  documents: SnapshotDocument[]
  topics: { id: string; slug: string; title: Partial<Record<Locale, string>> }[]
  kits: { id: string; slug: string; title: Partial<Record<Locale, string>> }[]
}

type RawDoc = {
  id: number | string
  slug?: string
  date?: string
  title?: string
  summary?: string
  body?: unknown
  topics?: (number | string | { id: number | string })[]
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url)
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}: ${(await response.text()).slice(0, 300)}`)
  return (await response.json()) as T
}

async function* allDocs(cmsUrl: string, collection: string, locale: Locale): AsyncGenerator<RawDoc> {
  for (let page = 1; ; page++) {
    const query = new URLSearchParams({
      locale,
      'fallback-locale': 'none',
      depth: '0',
      limit: '500',
      page: String(page),
    })
    const result = await getJson<{ docs: RawDoc[]; hasNextPage: boolean }>(`${cmsUrl}/api/${collection}?${query}`)
    yield* result.docs
    if (!result.hasNextPage) break
  }
}

/** Every published document, topic and press kit in every language, read from the CMS as the site reads it (anonymously). */
export async function readSnapshot(cmsUrl: string): Promise<Snapshot> {
  const named = async (collection: string) => {
    const found = new Map<string, { id: string; slug: string; title: Partial<Record<Locale, string>> }>()
    for (const locale of localeCodes) {
      for await (const doc of allDocs(cmsUrl, collection, locale)) {
        if (!doc.slug) continue
        const entry = found.get(String(doc.id)) ?? { id: String(doc.id), slug: doc.slug, title: {} }
        if (doc.title) entry.title[locale] = doc.title
        found.set(entry.id, entry)
      }
    }
    return [...found.values()]
  }
  const topics = await named('topics')
  const kits = await named('press-kits')
  const topicSlug = new Map(topics.map((t) => [t.id, t.slug]))
  const documents = new Map<string, SnapshotDocument>()
  for (const kind of documentKinds) {
    for (const locale of localeCodes) {
      for await (const doc of allDocs(cmsUrl, kind.collection, locale)) {
        if (!doc.slug || !doc.date || !doc.title) continue
        const id = `${kind.collection}-${doc.id}`
        const entry = documents.get(id) ?? {
          id,
          kindPath: kind.path,
          slug: doc.slug,
          date: doc.date,
          topics: (doc.topics ?? []).flatMap((t) => {
            const slug = topicSlug.get(String(typeof t === 'object' ? t.id : t))
            return slug ? [slug] : []
          }),
          path: {},
          versions: {},
        }
        entry.versions[locale] = { title: doc.title, summary: doc.summary, bodyHtml: renderRichText(doc.body) }
        for (const l of localeCodes) entry.path[l] = documentPath(l, kind.kind, doc.slug).replace(/^\/|\/$/g, '')
        documents.set(id, entry)
      }
    }
  }
  return { documents: [...documents.values()].sort((a, b) => b.date.localeCompare(a.date)), topics, kits }
}

/**
 * Writes the baseline project into `dir`. `siteOutputs` (files the site's build wrote, relative to
 * its output directory) decides the few pages of one language without content of their own
 * (contacts, search, verify…), so the two builds write the same URLs.
 */
export function writeBareProject(options: {
  dir: string
  siteDir: string
  snapshot: Snapshot
  siteOutputs: string[]
}): void {
  const { dir, snapshot } = options
  cpSync(templateDir, dir, { recursive: true })
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true })
    writeFileSync(path.join(dir, file), text)
  }
  mkdirSync(path.join(dir, 'node_modules/@astrojs'), { recursive: true })
  mkdirSync(path.join(dir, 'node_modules/@pressroom'), { recursive: true })
  for (const name of ['astro', '@astrojs/mdx', '@astrojs/rss', '@astrojs/sitemap', '@pressroom/shared'])
    symlinkSync(realpathSync(path.join(options.siteDir, 'node_modules', name)), path.join(dir, 'node_modules', name))
  write('snapshot/documents.json', JSON.stringify(snapshot.documents))
  write('snapshot/topics.json', JSON.stringify(snapshot.topics))
  write('snapshot/kits.json', JSON.stringify(snapshot.kits))
  // The one-language pages with little content of their own, as many as the site has.
  const sections = new Set<string>()
  const onePage = new RegExp(`^(?:${localeCodes.join('|')})/([^/]+)/index\\.html$`)
  for (const file of options.siteOutputs) {
    const match = onePage.exec(file)
    if (match?.[1] && !['about', ...documentKinds.map((k) => k.path)].includes(match[1])) sections.add(match[1])
  }
  write('snapshot/sections.json', JSON.stringify([...sections].sort().map((id) => ({ id }))))
  const pagesDir = path.join(options.siteDir, 'src/content/pages')
  mkdirSync(path.join(dir, 'src/content/pages'), { recursive: true })
  for (const name of readdirSync(pagesDir).filter((n) => n.endsWith('.mdx')))
    copyFileSync(path.join(pagesDir, name), path.join(dir, 'src/content/pages', name))
  write('package.json', JSON.stringify({ name: 'bare-astro-bench', private: true, type: 'module' }))
  write('tsconfig.json', JSON.stringify({ extends: 'astro/tsconfigs/base' }))
}
