// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the strings here are source text with `${…}` in it, to look for.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { localeCodes } from '@pressroom/shared'
import { describe, expect, it } from 'vitest'

/**
 * Every public path the site makes comes from the builders in shared/src/urls.ts (archivePath,
 * kindFeedPath, listPagePath, …). A path put together by hand in a page, layout, component or
 * library file drifts from them, and from the CMS's e-mails that use the same builders.
 */
const srcDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const scannedFolders = ['pages', 'layouts', 'components', 'lib', 'integrations']

const handBuilt: { what: string; pattern: RegExp }[] = [
  { what: 'a path that starts with an interpolation, `/${locale}/…`', pattern: /`\/\$\{/ },
  {
    what: 'a language folder written out, "/en/…"',
    pattern: new RegExp(`['"\`]/(${localeCodes.join('|')})(/|['"\`])`),
  },
  { what: "a path glued together with +, '/' + locale", pattern: /['"`]\/['"`]\s*\+/ },
  {
    what: 'a feed, file or list page appended to a path, `${first}rss.xml`',
    pattern: /\$\{[^}]*\}(rss\.xml|feed\.json|page\/|checksums\.txt|404\/)/,
  },
]

const commentLine = /^\s*(\/\/|\/\*|\*)/

/** "file:line: what" for every hand-built path in a source text. */
function handBuiltPaths(file: string, text: string): string[] {
  return text
    .split('\n')
    .flatMap((line, index) =>
      commentLine.test(line)
        ? []
        : handBuilt.filter(({ pattern }) => pattern.test(line)).map(({ what }) => `${file}:${index + 1}: ${what}`),
    )
}

function sourceFiles(): string[] {
  return scannedFolders.flatMap((folder) =>
    readdirSync(path.join(srcDir, folder), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && /\.(astro|ts)$/.test(entry.name))
      .map((entry) => path.join(entry.parentPath, entry.name)),
  )
}

describe('public paths', () => {
  it('recognises a path built by hand, and not a builder call', () => {
    expect(handBuiltPaths('a.astro', 'href(`/${locale}/archive/`)')).toHaveLength(1)
    expect(handBuiltPaths('a.astro', "const home = '/ru/'")).toHaveLength(1)
    expect(handBuiltPaths('a.astro', '{ path: "/en" }')).toHaveLength(1)
    expect(handBuiltPaths('a.ts', "const p = '/' + locale + '/search/'")).toHaveLength(1)
    expect(handBuiltPaths('a.astro', 'path: `${first}rss.xml`')).toHaveLength(1)
    expect(handBuiltPaths('a.astro', 'href(archiveYearPath(locale, year))')).toEqual([])
    expect(handBuiltPaths('a.ts', ' * A vCard: /en/contacts/press-office.vcf.')).toEqual([])
  })

  it('are built by shared/src/urls.ts everywhere in pages, layouts, components, lib and integrations', () => {
    const files = sourceFiles()
    // The scan reaches the files that link the most.
    expect(files.map((file) => path.relative(srcDir, file))).toEqual(
      expect.arrayContaining([
        'layouts/Base.astro',
        'components/Pagination.astro',
        'pages/[locale]/index.astro',
        'pages/[locale]/[kind]/[slug].astro',
        'lib/editions.ts',
      ]),
    )
    const found = files.flatMap((file) => handBuiltPaths(path.relative(srcDir, file), readFileSync(file, 'utf8')))
    expect(found, 'use a builder from @pressroom/shared (shared/src/urls.ts); add one there if none fits').toEqual([])
  })
})
