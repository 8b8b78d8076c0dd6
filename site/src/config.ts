/**
 * Build configuration, all from the environment so the same code builds the site for its own
 * domain, for a mirror under a sub-path, or for a test (README, "Configuration").
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const env = process.env

export const siteRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '')
}

function absoluteUrl(name: string, value: string): string {
  try {
    return trimSlash(new URL(value).toString())
  } catch {
    throw new Error(`${name}="${value}" is not an absolute URL (e.g. http://localhost:3000).`)
  }
}

/** Where the build reads the CMS's REST API (as an anonymous client). */
export const cmsUrl = absoluteUrl('CMS_URL', env.CMS_URL || 'http://localhost:3000')
/** The CMS address readers' browsers use (subscription form). */
export const publicCmsUrl = absoluteUrl('PUBLIC_CMS_URL', env.PUBLIC_CMS_URL || cmsUrl)
/** The public origin of the site, for canonical URLs, feeds and the sitemap. */
export const siteUrl = absoluteUrl('SITE_URL', env.SITE_URL || 'http://localhost:4321')

/** The sub-path the site is served under: "/" or "/mirror/". */
export const basePath = (() => {
  const raw = (env.SITE_BASE || '/').trim()
  if (!/^\/?[A-Za-z0-9._~\-/]*$/.test(raw)) throw new Error(`SITE_BASE="${raw}" is not a URL path (e.g. /press/).`)
  const inner = raw.replace(/^\/+|\/+$/g, '')
  return inner ? `/${inner}/` : '/'
})()

export const outDir = path.resolve(siteRoot, env.SITE_OUT_DIR || 'dist')

/** Downloaded media and document files, kept between builds so unchanged files are not fetched again. */
export const fileCacheDir = path.resolve(siteRoot, env.SITE_CACHE_DIR || 'node_modules/.cache/pressroom-files')

/** Astro's cache (the content layer store, data-store.json); default `site/node_modules/.astro`. */
export const astroCacheDir = env.SITE_ASTRO_CACHE_DIR ? path.resolve(env.SITE_ASTRO_CACHE_DIR) : undefined

/**
 * `SITE_EDITIONS=off` builds the site without PDF editions and press-kit ZIPs (and so with empty
 * checksum lists): only for the benchmark, which measures the site and the editions apart.
 */
export const editionsEnabled = (() => {
  const value = (env.SITE_EDITIONS || 'on').trim()
  if (value !== 'on' && value !== 'off') throw new Error(`SITE_EDITIONS="${value}": use on (the default) or off.`)
  return value === 'on'
})()

/** Documents per list page. */
export const pageSize = 20
