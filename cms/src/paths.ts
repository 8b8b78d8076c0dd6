import path from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * Where the CMS keeps its files by default. The start script passes these as absolute paths
 * (DATABASE_URL, UPLOAD_DIR), because the built Next server cannot find them from its bundle.
 */
export const cmsRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const cmsDataDir = path.join(cmsRoot, 'data')
export const defaultSqliteFile = path.join(cmsDataDir, 'pressroom.db')
export const defaultUploadDir = path.join(cmsDataDir, 'uploads')

/** The Astro site and where its builds go (site/releases/<id>, served through the site/live link). */
export const repoRoot = path.resolve(cmsRoot, '..')
export const siteRoot = path.join(repoRoot, 'site')
export const defaultSiteReleasesDir = path.join(siteRoot, 'releases')
export const defaultSiteLiveLink = path.join(siteRoot, 'live')
