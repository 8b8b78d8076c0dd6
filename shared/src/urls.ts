import { type DocumentKind, kindInfo } from './kinds.ts'
import { isLocale, type Locale } from './locales.ts'

/**
 * URL builders for the public site: every path it makes is built here, so a page, a feed, a PDF
 * and an e-mail agree on it (site/src/__tests__/handBuiltPaths.test.ts fails on a path built by
 * hand in the site). Paths are relative to the site's base path, so the same build works on its
 * own domain and on a mirror under a sub-path. They must match the files under site/src/pages.
 */
export function joinBase(basePath: string, path: string): string {
  const base = basePath.replace(/\/+$/, '')
  const tail = path.startsWith('/') ? path : `/${path}`
  return `${base}${tail}` || '/'
}

/** A path in a language's folder; `tail` is already encoded. */
function inLocaleFolder(locale: Locale, tail = ''): string {
  return `/${locale}/${tail}`
}

const rssFile = 'rss.xml'

/** The page that lets a reader choose a language (the site's root); hreflang x-default points here. */
export function languageChooserPath(): string {
  return '/'
}

export function localeHomePath(locale: Locale): string {
  return inLocaleFolder(locale)
}

/** The same page in another language: `path` with its language folder swapped. */
export function pathInLocale(path: string, locale: Locale): string {
  const match = /^\/([^/]+)\/(.*)$/s.exec(path)
  return match && isLocale(match[1]) ? inLocaleFolder(locale, match[2]) : path
}

/** A list's first page is its own path; page 2 is under it at page/2/. */
export function listPagePath(firstPage: string, page: number): string {
  const segment = listPageSegment(page)
  return segment ? `${firstPage}${segment}/` : firstPage
}

/** The part of a list page's path after the list's own (the site's `[...page]` route): none for page 1. */
export function listPageSegment(page: number): string | undefined {
  return page === 1 ? undefined : `page/${page}`
}

export function kindListPath(locale: Locale, kind: DocumentKind): string {
  return inLocaleFolder(locale, `${kindInfo(kind).path}/`)
}

export function kindFeedPath(locale: Locale, kind: DocumentKind): string {
  return `${kindListPath(locale, kind)}${rssFile}`
}

export function documentPath(locale: Locale, kind: DocumentKind, slug: string): string {
  return `${kindListPath(locale, kind)}${encodeURIComponent(slug)}/`
}

/** Every publication of a language, newest first: RSS 2.0 and JSON Feed. */
export function rssFeedPath(locale: Locale): string {
  return inLocaleFolder(locale, rssFile)
}

export function jsonFeedPath(locale: Locale): string {
  return inLocaleFolder(locale, 'feed.json')
}

export function archivePath(locale: Locale): string {
  return inLocaleFolder(locale, 'archive/')
}

export function archiveYearPath(locale: Locale, year: string): string {
  return `${archivePath(locale)}${encodeURIComponent(year)}/`
}

export function topicsPath(locale: Locale): string {
  return inLocaleFolder(locale, 'topics/')
}

/** A topic's first list page; its other pages and its feed sit under it. */
export function topicPath(locale: Locale, slug: string): string {
  return `${topicsPath(locale)}${encodeURIComponent(slug)}/`
}

export function topicFeedPath(locale: Locale, slug: string): string {
  return `${topicPath(locale, slug)}${rssFile}`
}

export function pressKitsPath(locale: Locale): string {
  return inLocaleFolder(locale, 'press-kits/')
}

export function pressKitPath(locale: Locale, slug: string): string {
  return `${pressKitsPath(locale)}${encodeURIComponent(slug)}/`
}

export function searchPath(locale: Locale): string {
  return inLocaleFolder(locale, 'search/')
}

export function subscribePath(locale: Locale): string {
  return inLocaleFolder(locale, 'subscribe/')
}

export function aboutPath(locale: Locale): string {
  return inLocaleFolder(locale, 'about/')
}

/** The privacy notice: what is kept about subscribers, how long, who processes it, how to get it or erase it. */
export function privacyPath(locale: Locale): string {
  return inLocaleFolder(locale, 'privacy/')
}

export function accessibilityPath(locale: Locale): string {
  return inLocaleFolder(locale, 'accessibility/')
}

/** What an embargo means in this press room, and how its instant is given. */
export function embargoPolicyPath(locale: Locale): string {
  return inLocaleFolder(locale, 'embargo-policy/')
}

export function contactsPath(locale: Locale): string {
  return inLocaleFolder(locale, 'contacts/')
}

/** A press contact's vCard, in the language of the page that links it. */
export function vcardPath(locale: Locale, filename: string): string {
  return `${contactsPath(locale)}${encodeURIComponent(filename)}`
}

export function verifyPath(locale: Locale): string {
  return inLocaleFolder(locale, 'verify/')
}

/**
 * A language's downloadable editions (PDFs, press-kit ZIPs) sit directly in its folder, next to its
 * checksums.txt, under their own file names: /en/GC-ST-2021-001-en.pdf, /en/checksums.txt. So the
 * names in checksums.txt are the names a browser saves, and `sha256sum -c` works in a downloads folder.
 */
export function editionDownloadPath(locale: Locale, filename: string): string {
  return inLocaleFolder(locale, encodeURIComponent(filename))
}

export function checksumsPath(locale: Locale): string {
  return inLocaleFolder(locale, 'checksums.txt')
}

/** A language's "page not found" page, inside its own layout (the server's 404 page names both languages). */
export function notFoundPath(locale: Locale): string {
  return inLocaleFolder(locale, '404/')
}

/** Media files (originals and their sizes) and document files, copied from the CMS: one folder each, for every language. */
export function mediaPath(filename: string): string {
  return `/media/${encodeURIComponent(filename)}`
}

export function documentFilePath(filename: string): string {
  return `/files/${encodeURIComponent(filename)}`
}

/**
 * A document's short, citable link (docs/adr/0047): `/ref/GC-PR-2026-004/` leads to the document in the
 * reader's language; `/en/ref/…` and `/ru/ref/…` to that language's page. Redirect pages, never indexed.
 */
export function refPath(referenceNumber: string): string {
  return `/ref/${encodeURIComponent(referenceNumber)}/`
}

export function localeRefPath(locale: Locale, referenceNumber: string): string {
  return inLocaleFolder(locale, `ref/${encodeURIComponent(referenceNumber)}/`)
}

/** A document's share card (its Open Graph image) in one language it exists in: /en/cards/press-releases/<slug>.png. */
export function shareCardPath(locale: Locale, kind: DocumentKind, slug: string): string {
  return inLocaleFolder(locale, `cards/${kindInfo(kind).path}/${encodeURIComponent(slug)}.png`)
}

/** The share card of every page that is not a document. */
export function defaultShareCardPath(locale: Locale): string {
  return inLocaleFolder(locale, 'cards/site.png')
}

/** Every public image with its caption, credit, licence and downloads. */
export function mediaLibraryPath(locale: Locale): string {
  return inLocaleFolder(locale, 'media-library/')
}

/** The search index and its script (Pagefind), written by the site's build. */
export function searchIndexPath(): string {
  return '/pagefind/'
}

export function sitemapIndexPath(): string {
  return '/sitemap-index.xml'
}
