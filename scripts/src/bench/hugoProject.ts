/**
 * Writes the Hugo project of the benchmark's limit from the same JSON snapshot the plain Astro
 * baseline reads (bareAstro.ts): a content file per document and language (front matter and the
 * body HTML), an `_index` per kind, topic and year with its title in each language, and the
 * navigation as a data file. The templates are in hugoTemplates.ts.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { documentKinds, kindLabels, type Locale, localeCodes } from '@pressroom/shared'
import type { Snapshot } from './bareAstro.ts'
import { hugoFiles } from './hugoTemplates.ts'

/** YAML front matter; every value JSON-encoded, which YAML reads as it is. */
function frontMatter(fields: Record<string, unknown>): string {
  const lines = Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
  return `---\n${lines.join('\n')}\n---\n`
}

export function writeHugoProject(dir: string, snapshot: Snapshot): void {
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true })
    writeFileSync(path.join(dir, file), text)
  }
  for (const [file, text] of Object.entries(hugoFiles)) write(file, text)
  const kinds = documentKinds.map(({ kind, path: kindPath }) => ({ path: kindPath, title: kindLabels(kind, 'plural') }))
  const nav: { path: string; title: Record<Locale, string> }[] = [
    ...kinds,
    { path: 'archive', title: { en: 'Archive', ru: 'Архив' } },
    { path: 'topics', title: { en: 'Topics', ru: 'Темы' } },
    { path: 'about', title: { en: 'About', ru: 'О нас' } },
  ]
  write('data/nav.json', JSON.stringify(nav))
  write('data/kinds.json', JSON.stringify(kinds))
  const years = new Set(snapshot.documents.map((doc) => doc.date.slice(0, 4)))
  for (const lang of localeCodes) {
    write(`content/${lang}/_index.html`, frontMatter({ title: lang === 'ru' ? 'Пресс-центр' : 'Press room' }))
    for (const kind of kinds)
      write(`content/${lang}/${kind.path}/_index.html`, frontMatter({ title: kind.title[lang] }))
    for (const topic of snapshot.topics) {
      const title = topic.title[lang] ?? Object.values(topic.title)[0] ?? topic.slug
      write(`content/${lang}/topics/${topic.slug}/_index.html`, frontMatter({ title }))
    }
    // Year archives have no feed, as in the baseline.
    for (const year of years)
      write(`content/${lang}/archive/${year}/_index.html`, frontMatter({ title: year, outputs: ['html'] }))
    for (const doc of snapshot.documents) {
      const version = doc.versions[lang] ?? Object.values(doc.versions)[0]
      if (!version) continue
      const fields = {
        title: version.title,
        description: version.summary,
        date: doc.date,
        topics: doc.topics,
        archive: [doc.date.slice(0, 4)],
        translationKey: doc.id,
      }
      write(`content/${lang}/${doc.kindPath}/${doc.slug}.html`, `${frontMatter(fields)}${version.bodyHtml}\n`)
    }
  }
}
