/** Paths and public URLs of the built site (no astro:content here, so tests and endpoints share them). */
import { joinBase } from '@pressroom/shared'
import { basePath, siteUrl } from '../config.ts'

/**
 * Where a preview render (src/preview/links.ts) sends links instead: pages to the public site,
 * files through the preview link. The preview's middleware names it on a global symbol, as
 * lib/buildScope.ts does for its scope; outside a preview nobody does, and nothing changes.
 */
export type LinkRewrite = { href: (path: string) => string; absoluteUrl: (path: string) => string }

const key = Symbol.for('pressroom.previewLinks')
const slot = globalThis as { [key]?: () => LinkRewrite | undefined }

/** Called by the preview's middleware only: how to find the links of the render in progress. */
export function setPreviewLinks(find: () => LinkRewrite | undefined) {
  slot[key] = find
}

/** A path inside the site, with the base path of this build (its own domain or a mirror's sub-path). */
export function href(path: string): string {
  const preview = slot[key]?.()
  return preview ? preview.href(path) : joinBase(basePath, path)
}

/** The absolute public URL of a path (canonical links, feeds, sitemap, links printed in PDFs). */
export function absoluteUrl(path: string): string {
  const preview = slot[key]?.()
  return preview ? preview.absoluteUrl(path) : new URL(joinBase(basePath, path), `${siteUrl}/`).toString()
}
