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
 * through symlinks.
 */
import { copyFileSync, mkdirSync, readdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { documentKinds, documentPath, type Locale, localeCodes } from '@pressroom/shared'
import { renderRichText } from '@pressroom/shared/richtext'

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

const contentConfig = `import { defineCollection } from 'astro:content'
import { file, glob } from 'astro/loaders'
import { z } from 'astro/zod'

const version = z.object({ title: z.string(), summary: z.string().optional(), bodyHtml: z.string() })
const named = z.object({ slug: z.string(), title: z.record(z.string(), z.string()) })

export const collections = {
  documents: defineCollection({
    loader: file('snapshot/documents.json'),
    schema: z.object({
      kindPath: z.string(),
      slug: z.string(),
      date: z.string(),
      topics: z.array(z.string()),
      versions: z.object({ en: version.optional(), ru: version.optional() }),
    }),
  }),
  topics: defineCollection({ loader: file('snapshot/topics.json'), schema: named }),
  kits: defineCollection({ loader: file('snapshot/kits.json'), schema: named }),
  pages: defineCollection({
    loader: glob({ pattern: '*.mdx', base: './src/content/pages', generateId: ({ entry }) => entry.replace(/\\.mdx$/, '') }),
    schema: z.object({ title: z.string(), description: z.string() }),
  }),
}
`

const data = `import { getCollection } from 'astro:content'

export const locales = ['en', 'ru']
export const kinds = [
  { path: 'statements', title: { en: 'Statements', ru: 'Заявления' } },
  { path: 'notices', title: { en: 'Notices', ru: 'Уведомления' } },
  { path: 'press-releases', title: { en: 'Press releases', ru: 'Пресс-релизы' } },
]
export const pageSize = 20

/** Every document, newest first. */
export async function documents() {
  return (await getCollection('documents')).sort((a, b) => b.data.date.localeCompare(a.data.date))
}
export const versionOf = (doc, lang) => doc.data.versions[lang] ?? Object.values(doc.data.versions)[0]
export const docUrl = (doc, lang) => \`/\${lang}/\${doc.data.kindPath}/\${doc.data.slug}/\`
export const formatDate = (iso, lang) =>
  new Date(iso).toLocaleDateString(lang === 'ru' ? 'ru-RU' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' })

/** Static paths of a paginated list: /<base>/ and /<base>/page/<n>/, as on the site. */
export function paginated(groups) {
  const paths = []
  for (const { params, items, props } of groups) {
    const total = Math.max(1, Math.ceil(items.length / pageSize))
    for (let page = 1; page <= total; page++)
      paths.push({
        params: { ...params, page: page === 1 ? undefined : \`page/\${page}\` },
        props: { ...props, items: items.slice((page - 1) * pageSize, page * pageSize), page, total },
      })
  }
  return paths
}
`

const layout = `---
const { lang, title, path, alternates = [], description } = Astro.props
const site = 'http://localhost:4321'
const nav = { en: ['Statements', 'Notices', 'Press releases', 'Archive', 'Topics', 'About'], ru: ['Заявления', 'Уведомления', 'Пресс-релизы', 'Архив', 'Темы', 'О нас'] }
const sections = ['statements', 'notices', 'press-releases', 'archive', 'topics', 'about']
---
<!doctype html>
<html lang={lang}>
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>{title} · Press room</title>
    {description && <meta name="description" content={description} />}
    <link rel="canonical" href={new URL(path, site).href} />
    {alternates.map((a) => <link rel="alternate" hreflang={a.lang} href={new URL(a.path, site).href} />)}
    <link rel="alternate" type="application/rss+xml" href={\`/\${lang}/rss.xml\`} />
    <link rel="alternate" type="application/feed+json" href={\`/\${lang}/feed.json\`} />
    <meta property="og:title" content={title} />
    <meta property="og:url" content={new URL(path, site).href} />
  </head>
  <body>
    <header>
      <a href={\`/\${lang}/\`}>Press room</a>
      <nav><ul>{sections.map((s, i) => <li><a href={\`/\${lang}/\${s}/\`}>{nav[lang][i]}</a></li>)}</ul></nav>
      <a href={lang === 'en' ? '/ru/' : '/en/'}>{lang === 'en' ? 'Русский' : 'English'}</a>
    </header>
    <main><slot /></main>
    <footer><p>© Press room</p><a href={\`/\${lang}/rss.xml\`}>RSS</a></footer>
  </body>
</html>
<style is:global>
  body { font: 1.05rem/1.55 Georgia, serif; margin: 0 auto; max-width: 46rem; padding: 1rem; color: #1b1b1b; }
  header, footer { display: flex; gap: 1rem; align-items: baseline; flex-wrap: wrap; }
  nav ul { display: flex; gap: 0.75rem; list-style: none; padding: 0; }
  a { color: #0b4f9c; }
  time { color: #555; }
  article h1 { font-size: 1.8rem; line-height: 1.2; }
  ol.documents { list-style: none; padding: 0; }
  ol.documents li { margin: 0 0 1rem; }
</style>
`

const documentList = `---
import { docUrl, formatDate, versionOf } from '../data.mjs'
const { items, lang } = Astro.props
---
<ol class="documents">
  {items.map((doc) => {
    const version = versionOf(doc, lang)
    return (
      <li>
        <h2><a href={docUrl(doc, lang)}>{version.title}</a></h2>
        <time datetime={doc.data.date}>{formatDate(doc.data.date, lang)}</time>
        {version.summary && <p>{version.summary}</p>}
      </li>
    )
  })}
</ol>
`

const pagination = `---
const { base, page, total } = Astro.props
const at = (n) => (n === 1 ? base : \`\${base}page/\${n}/\`)
---
{total > 1 && (
  <nav aria-label="Pages">
    {page > 1 && <a rel="prev" href={at(page - 1)}>←</a>}
    <span>{page} / {total}</span>
    {page < total && <a rel="next" href={at(page + 1)}>→</a>}
  </nav>
)}
`

const listPage = (getStaticPaths: string, base: string, heading: string) => `---
import DocumentList from '${'$'}/components/DocumentList.astro'
import Pagination from '${'$'}/components/Pagination.astro'
import Layout from '${'$'}/layouts/Layout.astro'
import { documents, kinds, locales, paginated } from '${'$'}/data.mjs'
import { getCollection } from 'astro:content'

export async function getStaticPaths() {
${getStaticPaths}
}
const { locale } = Astro.params
const { items, page, total } = Astro.props
const base = ${base}
const title = ${heading}
---
<Layout lang={locale} title={page > 1 ? \`\${title} (\${page})\` : title} path={page > 1 ? \`\${base}page/\${page}/\` : base}>
  <h1>{title}</h1>
  <DocumentList items={items} lang={locale} />
  <Pagination base={base} page={page} total={total} />
</Layout>
`

const kindList = listPage(
  `  const all = await documents()
  return locales.flatMap((locale) =>
    paginated(kinds.map((kind) => ({ params: { locale, kind: kind.path }, items: all.filter((d) => d.data.kindPath === kind.path), props: { kind } }))),
  )`,
  "'/' + locale + '/' + Astro.params.kind + '/'",
  'Astro.props.kind.title[locale]',
)

const yearList = listPage(
  `  const byYear = new Map()
  for (const doc of await documents()) {
    const year = doc.data.date.slice(0, 4)
    if (!byYear.has(year)) byYear.set(year, [])
    byYear.get(year).push(doc)
  }
  return locales.flatMap((locale) => paginated([...byYear].map(([year, items]) => ({ params: { locale, year }, items }))))`,
  "'/' + locale + '/archive/' + Astro.params.year + '/'",
  'Astro.params.year',
)

const topicList = listPage(
  `  const all = await documents()
  const topics = await getCollection('topics')
  return locales.flatMap((locale) =>
    paginated(topics.map((topic) => ({ params: { locale, topic: topic.data.slug }, items: all.filter((d) => d.data.topics.includes(topic.data.slug)), props: { topic } }))),
  )`,
  "'/' + locale + '/topics/' + Astro.params.topic + '/'",
  'Astro.props.topic.data.title[locale] ?? Astro.params.topic',
)

const documentPage = `---
import Layout from '$/layouts/Layout.astro'
import { docUrl, documents, formatDate, locales, versionOf } from '$/data.mjs'

export async function getStaticPaths() {
  const all = await documents()
  return locales.flatMap((locale) =>
    all.map((doc) => ({ params: { locale, kind: doc.data.kindPath, slug: doc.data.slug }, props: { doc } })),
  )
}
const { locale } = Astro.params
const { doc } = Astro.props
const version = versionOf(doc, locale)
const alternates = locales.filter((l) => doc.data.versions[l]).map((l) => ({ lang: l, path: docUrl(doc, l) }))
---
<Layout lang={locale} title={version.title} description={version.summary} path={docUrl(doc, locale)} alternates={alternates}>
  <article>
    <h1>{version.title}</h1>
    <p><time datetime={doc.data.date}>{formatDate(doc.data.date, locale)}</time></p>
    {version.summary && <p class="standfirst">{version.summary}</p>}
    <Fragment set:html={version.bodyHtml} />
    {doc.data.topics.length > 0 && (
      <ul class="topics">{doc.data.topics.map((t) => <li><a href={\`/\${locale}/topics/\${t}/\`}>{t}</a></li>)}</ul>
    )}
  </article>
</Layout>
`

const homePage = `---
import DocumentList from '$/components/DocumentList.astro'
import Layout from '$/layouts/Layout.astro'
import { documents, kinds, locales } from '$/data.mjs'

export function getStaticPaths() {
  return locales.map((locale) => ({ params: { locale } }))
}
const { locale } = Astro.params
const all = await documents()
---
<Layout lang={locale} title="Press room" path={\`/\${locale}/\`} alternates={locales.map((l) => ({ lang: l, path: \`/\${l}/\` }))}>
  {kinds.map((kind) => (
    <section>
      <h2><a href={\`/\${locale}/\${kind.path}/\`}>{kind.title[locale]}</a></h2>
      <DocumentList items={all.filter((d) => d.data.kindPath === kind.path).slice(0, 5)} lang={locale} />
    </section>
  ))}
</Layout>
`

const aboutPage = `---
import { getEntry, render } from 'astro:content'
import Layout from '$/layouts/Layout.astro'
import { locales } from '$/data.mjs'

export function getStaticPaths() {
  return locales.map((locale) => ({ params: { locale } }))
}
const { locale } = Astro.params
const entry = await getEntry('pages', \`about.\${locale}\`)
const { Content } = await render(entry)
---
<Layout lang={locale} title={entry.data.title} description={entry.data.description} path={\`/\${locale}/about/\`}>
  <h1>{entry.data.title}</h1>
  <Content />
</Layout>
`

/** Pages of one language with little content: an index of years, topics or kits, a form, a notice. */
const sectionPage = (sections: string[]) => `---
import { getCollection } from 'astro:content'
import Layout from '$/layouts/Layout.astro'
import { documents, locales } from '$/data.mjs'

export function getStaticPaths() {
  return locales.flatMap((locale) => ${JSON.stringify(sections)}.map((section) => ({ params: { locale, section } })))
}
const { locale, section } = Astro.params
let links = []
if (section === 'archive') {
  const years = [...new Set((await documents()).map((d) => d.data.date.slice(0, 4)))]
  links = years.map((y) => ({ href: \`/\${locale}/archive/\${y}/\`, text: y }))
} else if (section === 'topics') {
  links = (await getCollection('topics')).map((t) => ({ href: \`/\${locale}/topics/\${t.data.slug}/\`, text: t.data.title[locale] ?? t.data.slug }))
} else if (section === 'press-kits') {
  links = (await getCollection('kits')).map((k) => ({ href: \`/\${locale}/press-kits/\${k.data.slug}/\`, text: k.data.title[locale] ?? k.data.slug }))
}
---
<Layout lang={locale} title={section} path={\`/\${locale}/\${section}/\`}>
  <h1>{section}</h1>
  <ul>{links.map((l) => <li><a href={l.href}>{l.text}</a></li>)}</ul>
</Layout>
`

const kitPage = `---
import { getCollection } from 'astro:content'
import Layout from '$/layouts/Layout.astro'
import { locales } from '$/data.mjs'

export async function getStaticPaths() {
  const kits = await getCollection('kits')
  return locales.flatMap((locale) => kits.map((kit) => ({ params: { locale, slug: kit.data.slug }, props: { kit } })))
}
const { locale } = Astro.params
const { kit } = Astro.props
---
<Layout lang={locale} title={kit.data.title[locale] ?? kit.data.slug} path={\`/\${locale}/press-kits/\${kit.data.slug}/\`}>
  <h1>{kit.data.title[locale] ?? kit.data.slug}</h1>
</Layout>
`

/** An RSS feed through @astrojs/rss, with the full text of the latest 50 documents, as the site's feeds have. */
const rssFeed = (getStaticPaths: string, filter: string) => `import rss from '@astrojs/rss'
import { getCollection } from 'astro:content'
import { docUrl, documents, kinds, locales, versionOf } from '$/data.mjs'

export async function getStaticPaths() {
${getStaticPaths}
}

export async function GET(context) {
  const { locale } = context.params
  const items = (await documents()).filter(${filter}).slice(0, 50)
  return rss({
    title: 'Press room',
    description: 'Statements, notices and press releases',
    site: context.site,
    items: items.map((doc) => {
      const version = versionOf(doc, locale)
      return { title: version.title, link: docUrl(doc, locale), pubDate: new Date(doc.data.date), description: version.summary, content: version.bodyHtml }
    }),
  })
}
`

const jsonFeed = `import { docUrl, documents, locales, versionOf } from '$/data.mjs'

export function getStaticPaths() {
  return locales.map((locale) => ({ params: { locale } }))
}

export async function GET({ params, site }) {
  const items = (await documents()).slice(0, 50).map((doc) => {
    const version = versionOf(doc, params.locale)
    const url = new URL(docUrl(doc, params.locale), site).href
    return { id: url, url, title: version.title, summary: version.summary, content_html: version.bodyHtml, date_published: doc.data.date }
  })
  return new Response(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Press room', items }))
}
`

const textEndpoint = (getStaticPaths: string, body: string) => `export function getStaticPaths() {
${getStaticPaths}
}

export function GET() {
  return new Response(${body}, { headers: { 'content-type': 'text/plain; charset=utf-8' } })
}
`

const plainPage = (title: string, lang: string) => `---
import Layout from '$/layouts/Layout.astro'
---
<Layout lang="${lang}" title="${title}" path="/"><h1>${title}</h1><p><a href="/en/">English</a> · <a href="/ru/">Русский</a></p></Layout>
`

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
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true })
    writeFileSync(path.join(dir, file), text)
  }
  mkdirSync(path.join(dir, 'node_modules/@astrojs'), { recursive: true })
  for (const name of ['astro', '@astrojs/mdx', '@astrojs/rss', '@astrojs/sitemap'])
    symlinkSync(realpathSync(path.join(options.siteDir, 'node_modules', name)), path.join(dir, 'node_modules', name))
  write('snapshot/documents.json', JSON.stringify(snapshot.documents))
  write('snapshot/topics.json', JSON.stringify(snapshot.topics))
  write('snapshot/kits.json', JSON.stringify(snapshot.kits))
  const pagesDir = path.join(options.siteDir, 'src/content/pages')
  mkdirSync(path.join(dir, 'src/content/pages'), { recursive: true })
  for (const name of readdirSync(pagesDir).filter((n) => n.endsWith('.mdx')))
    copyFileSync(path.join(pagesDir, name), path.join(dir, 'src/content/pages', name))
  write('package.json', JSON.stringify({ name: 'bare-astro-bench', private: true, type: 'module' }))
  write('tsconfig.json', JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '$/*': ['src/*'] } } }))
  write(
    'astro.config.mjs',
    `import mdx from '@astrojs/mdx'
import sitemap from '@astrojs/sitemap'
import { fileURLToPath } from 'node:url'

export default {
  site: 'http://localhost:4321',
  outDir: process.env.BARE_OUT_DIR || 'dist',
  trailingSlash: 'always',
  // The default (one page at a time) unless the benchmark asks for the site's own setting.
  build: { format: 'directory', concurrency: Number(process.env.BARE_CONCURRENCY || 1) },
  devToolbar: { enabled: false },
  vite: { resolve: { alias: { $: fileURLToPath(new URL('./src', import.meta.url)) } } },
  integrations: [mdx(), sitemap({ filter: (url) => !url.includes('/404/') })],
}
`,
  )
  write('src/content.config.ts', contentConfig)
  write('src/data.mjs', data)
  write('src/layouts/Layout.astro', layout)
  write('src/components/DocumentList.astro', documentList)
  write('src/components/Pagination.astro', pagination)
  write('src/pages/index.astro', plainPage('Press room', 'en'))
  write('src/pages/404.astro', plainPage('Not found', 'en'))
  write('src/pages/robots.txt.js', "export const GET = () => new Response('User-agent: *\\nAllow: /\\n')\n")
  write('src/pages/[locale]/index.astro', homePage)
  write('src/pages/[locale]/about.astro', aboutPage)
  write('src/pages/[locale]/[kind]/[slug].astro', documentPage)
  write('src/pages/[locale]/[kind]/[...page].astro', kindList)
  write('src/pages/[locale]/archive/[year]/[...page].astro', yearList)
  write('src/pages/[locale]/topics/[topic]/[...page].astro', topicList)
  write('src/pages/[locale]/press-kits/[slug].astro', kitPage)
  write(
    'src/pages/[locale]/rss.xml.js',
    rssFeed('  return locales.map((locale) => ({ params: { locale } }))', '() => true'),
  )
  write(
    'src/pages/[locale]/[kind]/rss.xml.js',
    rssFeed(
      '  return locales.flatMap((locale) => kinds.map((kind) => ({ params: { locale, kind: kind.path } })))',
      '(d) => d.data.kindPath === context.params.kind',
    ),
  )
  write(
    'src/pages/[locale]/topics/[topic]/rss.xml.js',
    rssFeed(
      "  const topics = await getCollection('topics')\n  return locales.flatMap((locale) => topics.map((t) => ({ params: { locale, topic: t.data.slug } })))",
      '(d) => d.data.topics.includes(context.params.topic)',
    ),
  )
  write('src/pages/[locale]/feed.json.js', jsonFeed)
  write(
    'src/pages/[locale]/checksums.txt.js',
    textEndpoint("  return ['en', 'ru'].map((locale) => ({ params: { locale } }))", "''"),
  )
  // The one-language pages with little content of their own, as many as the site has.
  const sections = new Set<string>()
  for (const file of options.siteOutputs) {
    const match = /^(?:en|ru)\/([^/]+)\/index\.html$/.exec(file)
    if (match?.[1] && !['about', ...documentKinds.map((k) => k.path)].includes(match[1])) sections.add(match[1])
  }
  write('src/pages/[locale]/[section].astro', sectionPage([...sections].sort()))
}
