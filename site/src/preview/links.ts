/**
 * Links inside a preview (docs/adr/0037-previews.md). The page is served from the CMS's origin,
 * where the site's paths lead nowhere, so: every page link goes to the public site (its origin
 * and sub-path, as the static build gets them); the draft's images and files come through the
 * preview link (`/preview/<token>/media/…`, `/preview/<token>/files/…`), which serves only the
 * uploads that draft uses; and the pages of the draft itself in its other language go to that
 * language's preview, signed by the CMS when it rendered this one.
 */
import { documentFilePath, joinBase, mediaPath } from '@pressroom/shared'
import type { LinkRewrite } from '../lib/urls.ts'

export type PreviewLinkSettings = {
  /** The public site's origin (SITE_URL), without a trailing slash. */
  siteUrl: string
  /** Its sub-path (SITE_BASE): "/" or "/press/". */
  siteBase: string
  /** The preview link's path on the CMS's origin, `/preview/<token>`: uploads are served under it. */
  files: string
  /** The previews of this draft by language (paths on the CMS's origin), signed with the same expiry. */
  previews: Record<string, string>
}

const mediaPrefix = mediaPath('')
const filePrefix = documentFilePath('')

export type PreviewLinks = LinkRewrite & {
  /** The page's own paths by language (the preview page calls it before the layout renders). */
  ownPages: (paths: Record<string, string>) => void
}

export function previewLinks(settings: PreviewLinkSettings): PreviewLinks {
  const ownPages = new Map<string, string>()
  const absoluteUrl = (path: string) => new URL(joinBase(settings.siteBase, path), `${settings.siteUrl}/`).toString()
  return {
    absoluteUrl,
    href(path) {
      if (path.startsWith(mediaPrefix)) return `${settings.files}/media/${path.slice(mediaPrefix.length)}`
      if (path.startsWith(filePrefix)) return `${settings.files}/files/${path.slice(filePrefix.length)}`
      return ownPages.get(path) ?? absoluteUrl(path)
    },
    ownPages(paths) {
      for (const [locale, path] of Object.entries(paths)) {
        const preview = settings.previews[locale]
        if (preview) ownPages.set(path, preview)
      }
    },
  }
}
