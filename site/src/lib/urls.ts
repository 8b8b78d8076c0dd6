/** Paths and public URLs of the built site (no astro:content here, so tests and endpoints share them). */
import { joinBase } from '@pressroom/shared'
import { basePath, siteUrl } from '../config.ts'

/** A path inside the site, with the base path of this build (its own domain or a mirror's sub-path). */
export function href(path: string): string {
  return joinBase(basePath, path)
}

/** The absolute public URL of a path (canonical links, feeds, sitemap, links printed in PDFs). */
export function absoluteUrl(path: string): string {
  return new URL(href(path), `${siteUrl}/`).toString()
}
