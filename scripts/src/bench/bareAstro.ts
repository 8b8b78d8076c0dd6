/**
 * The baseline the site's build is compared with: a minimal Astro 7 project, generated at bench
 * time, that writes the same URLs as the site (every document in every language, every list,
 * archive and topic page, every feed) from a JSON snapshot of the same content, with a trivial
 * layout and the same body HTML. It uses the site's own `astro` package through a symlink.
 */
import { mkdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { documentKinds, documentPath, type Locale, localeCodes } from '@pressroom/shared'
import { renderRichText } from '@pressroom/shared/richtext'

export type SnapshotDocument = {
  path: Partial<Record<Locale, string>>
  date: string
  versions: Partial<Record<Locale, { title: string; summary?: string; bodyHtml: string }>>
}

type RawDoc = { id: number | string; slug?: string; date?: string; title?: string; summary?: string; body?: unknown }

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url)
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}: ${(await response.text()).slice(0, 300)}`)
  return (await response.json()) as T
}

/** Every published document in every language, read from the CMS as the site reads it (anonymously). */
export async function readSnapshot(cmsUrl: string): Promise<SnapshotDocument[]> {
  const documents = new Map<string, SnapshotDocument>()
  for (const kind of documentKinds) {
    for (const locale of localeCodes) {
      for (let page = 1; ; page++) {
        const query = new URLSearchParams({
          locale,
          'fallback-locale': 'none',
          depth: '0',
          limit: '500',
          page: String(page),
        })
        const result = await getJson<{ docs: RawDoc[]; hasNextPage: boolean }>(
          `${cmsUrl}/api/${kind.collection}?${query}`,
        )
        for (const doc of result.docs) {
          if (!doc.slug || !doc.date || !doc.title) continue
          const key = `${kind.collection}/${doc.id}`
          const entry = documents.get(key) ?? { path: {}, date: doc.date, versions: {} }
          entry.versions[locale] = { title: doc.title, summary: doc.summary, bodyHtml: renderRichText(doc.body) }
          for (const l of localeCodes) entry.path[l] = documentPath(l, kind.kind, doc.slug).replace(/^\/|\/$/g, '')
          documents.set(key, entry)
        }
        if (!result.hasNextPage) break
      }
    }
  }
  return [...documents.values()].sort((a, b) => b.date.localeCompare(a.date))
}

const layout = `---
const { lang, title } = Astro.props
---
<!doctype html>
<html lang={lang}>
  <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" /><title>{title}</title></head>
  <body>
    <header><a href={\`/\${lang}/\`}>Press room</a></header>
    <main><slot /></main>
  </body>
</html>
`

const page = `---
import Layout from '../layouts/Layout.astro'
import { documentAt, listAt, pages } from '../data.mjs'

export function getStaticPaths() {
  return pages.map((page) => ({ params: { path: page || undefined } }))
}

const where = Astro.params.path ?? ''
const lang = where.slice(0, 2) === 'ru' ? 'ru' : 'en'
const found = documentAt(where)
const version = found ? (found.versions[lang] ?? Object.values(found.versions)[0]) : undefined
const items = found ? [] : listAt(where, lang)
---
<Layout lang={lang} title={version?.title ?? where}>
  {version ? (
    <article>
      <h1>{version.title}</h1>
      <p><time datetime={found.date}>{found.date.slice(0, 10)}</time></p>
      {version.summary && <p>{version.summary}</p>}
      <Fragment set:html={version.bodyHtml} />
    </article>
  ) : (
    <>
      <h1>{where}</h1>
      <ul>
        {items.map((item) => <li><a href={\`/\${item.path}/\`}>{item.title}</a> <time datetime={item.date}>{item.date.slice(0, 10)}</time></li>)}
      </ul>
    </>
  )}
</Layout>
`

const feed = `import { feeds, listAt } from '../data.mjs'

export function getStaticPaths() {
  return feeds.map((file) => ({ params: { file } }))
}

export function GET({ params }) {
  const lang = params.file.slice(0, 2) === 'ru' ? 'ru' : 'en'
  const items = listAt('', lang, 50)
  if (params.file.endsWith('.json'))
    return new Response(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', items }))
  const xml = items.map((i) => \`<item><title>\${i.title}</title><link>/\${i.path}/</link></item>\`).join('')
  return new Response(\`<?xml version="1.0"?><rss version="2.0"><channel>\${xml}</channel></rss>\`)
}
`

const notFound = `---
import Layout from '../layouts/Layout.astro'
---
<Layout lang="en" title="Not found"><h1>Not found</h1></Layout>
`

function dataModule(snapshotFile: string): string {
  return `import { readFileSync } from 'node:fs'

const snapshot = JSON.parse(readFileSync(${JSON.stringify(snapshotFile)}, 'utf8'))
export const pages = snapshot.pages
export const feeds = snapshot.feeds
const byPath = new Map()
for (const doc of snapshot.documents) for (const where of Object.values(doc.path)) byPath.set(where, doc)
const byLang = {}
for (const lang of ['en', 'ru'])
  byLang[lang] = snapshot.documents.map((doc) => ({ path: doc.path[lang], date: doc.date, title: (doc.versions[lang] ?? Object.values(doc.versions)[0]).title }))

export function documentAt(where) {
  return byPath.get(where)
}

/** A page of a list: the n-th twenty of the language's documents, as on the site's paginated lists. */
export function listAt(where, lang, size = 20) {
  const n = Number(/\\/page\\/(\\d+)$/.exec(where)?.[1] ?? 1)
  return byLang[lang].slice((n - 1) * size, n * size)
}
`
}

/**
 * Writes the baseline project into `dir`: the same page and feed URLs as `siteOutputs` (files
 * the site's build wrote, relative to its output directory), with content from `documents`.
 */
export function writeBareProject(options: {
  dir: string
  siteDir: string
  documents: SnapshotDocument[]
  siteOutputs: string[]
}): { pages: number; feeds: number } {
  const { dir } = options
  const pages: string[] = []
  const feeds: string[] = []
  let hasRootNotFound = false
  for (const file of options.siteOutputs) {
    if (file === '404.html') hasRootNotFound = true
    else if (file.endsWith('/index.html') || file === 'index.html') pages.push(file.replace(/\/?index\.html$/, ''))
    else feeds.push(file)
  }
  mkdirSync(path.join(dir, 'src/pages'), { recursive: true })
  mkdirSync(path.join(dir, 'src/layouts'), { recursive: true })
  mkdirSync(path.join(dir, 'node_modules'), { recursive: true })
  symlinkSync(realpathSync(path.join(options.siteDir, 'node_modules/astro')), path.join(dir, 'node_modules/astro'))
  const snapshotFile = path.join(dir, 'snapshot.json')
  writeFileSync(snapshotFile, JSON.stringify({ documents: options.documents, pages, feeds }))
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'bare-astro-bench', type: 'module' }))
  writeFileSync(
    path.join(dir, 'astro.config.mjs'),
    "export default { site: 'http://localhost:4321', trailingSlash: 'always', build: { format: 'directory' }, devToolbar: { enabled: false } }\n",
  )
  writeFileSync(path.join(dir, 'src/data.mjs'), dataModule(snapshotFile))
  writeFileSync(path.join(dir, 'src/layouts/Layout.astro'), layout)
  writeFileSync(path.join(dir, 'src/pages/[...path].astro'), page)
  writeFileSync(path.join(dir, 'src/pages/[...file].js'), feed)
  if (hasRootNotFound) writeFileSync(path.join(dir, 'src/pages/404.astro'), notFound)
  return { pages: pages.length + (hasRootNotFound ? 1 : 0), feeds: feeds.length }
}
