import { type DocumentKind, kindInfo } from './kinds.ts'
import type { Locale } from './locales.ts'

/**
 * URL builders for the public site. Paths are relative to the site's base path, so the same
 * build works on its own domain and on a mirror under a sub-path.
 */
export function joinBase(basePath: string, path: string): string {
  const base = basePath.replace(/\/+$/, '')
  const tail = path.startsWith('/') ? path : `/${path}`
  return `${base}${tail}` || '/'
}

export function localeHomePath(locale: Locale): string {
  return `/${locale}/`
}

export function kindListPath(locale: Locale, kind: DocumentKind): string {
  return `/${locale}/${kindInfo(kind).path}/`
}

export function documentPath(locale: Locale, kind: DocumentKind, slug: string): string {
  return `/${locale}/${kindInfo(kind).path}/${encodeURIComponent(slug)}/`
}

/**
 * A language's downloadable editions (PDFs, press-kit ZIPs) sit directly in its folder, next to its
 * checksums.txt, under their own file names: /en/GC-ST-2021-001-en.pdf, /en/checksums.txt. So the
 * names in checksums.txt are the names a browser saves, and `sha256sum -c` works in a downloads folder.
 */
export function editionDownloadPath(locale: Locale, filename: string): string {
  return `/${locale}/${encodeURIComponent(filename)}`
}

export function checksumsPath(locale: Locale): string {
  return `/${locale}/checksums.txt`
}

export function verifyPath(locale: Locale): string {
  return `/${locale}/verify/`
}

export function contactsPath(locale: Locale): string {
  return `/${locale}/contacts/`
}

/** A press contact's vCard, in the language of the page that links it. */
export function vcardPath(locale: Locale, filename: string): string {
  return `/${locale}/contacts/${encodeURIComponent(filename)}`
}

/** A topic's first list page; its other pages and its feed sit under it. */
export function topicPath(locale: Locale, slug: string): string {
  return `/${locale}/topics/${encodeURIComponent(slug)}/`
}

export function pressKitPath(locale: Locale, slug: string): string {
  return `/${locale}/press-kits/${encodeURIComponent(slug)}/`
}
