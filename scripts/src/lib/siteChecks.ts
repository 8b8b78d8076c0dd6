/**
 * Checks of a built site that need no browser: HTML validity, feeds parsed by a real feed parser,
 * and every internal link resolving. Used by the end-to-end tests on the site the main command built.
 */
import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { parseJsonFeed, parseRssFeed } from 'feedsmith'
import { HtmlValidate } from 'html-validate'
import { check, LinkState } from 'linkinator'

export async function filesUnder(dir: string, extension: string): Promise<string[]> {
  const found: string[] = []
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith(extension)) found.push(path.join(entry.parentPath, entry.name))
  }
  return found.sort()
}

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // Astro writes void elements as <meta …>; both styles are valid HTML.
    'void-style': 'off',
    // Long Russian titles are fine; the rule is about English prose style.
    'long-title': 'off',
    // Repeated checkboxes of one name are how a form sends a list (languages, kinds, topics).
    'form-dup-name': ['error', { shared: ['radio', 'checkbox', 'button', 'reset', 'submit'] }],
  },
})

/** Every HTML file's validation messages, as "file:line:col rule message". */
export async function htmlProblems(dir: string): Promise<string[]> {
  const problems: string[] = []
  for (const file of await filesUnder(dir, '.html')) {
    if (file.includes(`${path.sep}pagefind${path.sep}`)) continue
    const report = await validator.validateString(await readFile(file, 'utf8'), file)
    for (const result of report.results) {
      for (const message of result.messages) {
        problems.push(
          `${path.relative(dir, file)}:${message.line}:${message.column} ${message.ruleId} ${message.message}`,
        )
      }
    }
  }
  return problems
}

export type ParsedFeed = { file: string; title: string; items: { title?: string; link?: string; id?: string }[] }

/** Every RSS and JSON feed in the build, parsed by feedsmith (which throws on malformed feeds). */
export async function parsedFeeds(dir: string): Promise<ParsedFeed[]> {
  const feeds: ParsedFeed[] = []
  for (const file of await filesUnder(dir, 'rss.xml')) {
    const feed = parseRssFeed(await readFile(file, 'utf8'))
    feeds.push({
      file: path.relative(dir, file),
      title: feed.title ?? '',
      items: (feed.items ?? []).map((item) => ({ title: item.title, link: item.link, id: item.guid?.value })),
    })
  }
  for (const file of await filesUnder(dir, 'feed.json')) {
    const feed = parseJsonFeed(JSON.parse(await readFile(file, 'utf8')))
    feeds.push({
      file: path.relative(dir, file),
      title: feed.title ?? '',
      items: (feed.items ?? []).map((item) => ({ title: item.title, link: item.url, id: item.id })),
    })
  }
  return feeds
}

/** Internal links (and assets) of a served site that do not answer 2xx, as "status url (from page)". */
export async function brokenLinks(startUrl: string): Promise<string[]> {
  const origin = new URL(startUrl).origin
  const result = await check({
    path: startUrl,
    recurse: true,
    concurrency: 8,
    timeout: 20_000,
    // External links are not this site's to check (and this machine cannot reach them).
    linksToSkip: async (link: string) => !link.startsWith(origin),
  })
  return result.links
    .filter((link) => link.state === LinkState.BROKEN)
    .map((link) => `${link.status ?? 'error'} ${link.url} (from ${link.parent ?? '?'})`)
}

/**
 * A language's checksums.txt checked against the files the served site gives for each name (the
 * names are relative to the list's own folder): every mismatch or missing file, and the names listed.
 */
export async function checksumProblems(listUrl: string): Promise<{ problems: string[]; names: string[] }> {
  const response = await fetch(listUrl)
  if (!response.ok) return { problems: [`${response.status} ${listUrl}`], names: [] }
  const problems: string[] = []
  const names: string[] = []
  for (const line of (await response.text()).split('\n').filter(Boolean)) {
    const match = /^([0-9a-f]{64}) {2}(.+)$/.exec(line)
    if (!match) {
      problems.push(`not sha256sum format: ${line}`)
      continue
    }
    const [, expected, name] = match as unknown as [string, string, string]
    names.push(name)
    const file = await fetch(new URL(encodeURIComponent(name), listUrl))
    if (!file.ok) {
      problems.push(`${file.status} ${name}`)
      continue
    }
    const actual = createHash('sha256')
      .update(new Uint8Array(await file.arrayBuffer()))
      .digest('hex')
    if (actual !== expected) problems.push(`${name}: served ${actual}, listed ${expected}`)
  }
  return { problems, names }
}
