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
