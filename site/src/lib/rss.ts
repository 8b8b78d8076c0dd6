import rss from '@astrojs/rss'
import type { Locale } from '@pressroom/shared'
import { escapeHtml } from '@pressroom/shared/richtext'
import { absoluteUrl, localized, settings } from './content.ts'
import { feedItems, feedLanguage, feedTitle } from './feeds.ts'
import type { Publication } from './schemas.ts'

/** An RSS 2.0 feed of the given documents in one language; item GUIDs are the documents' permalinks. */
export async function rssResponse(options: {
  locale: Locale
  what?: string
  /** The page the feed belongs to, and the feed's own path. */
  pagePath: string
  feedPath: string
  publications: Publication[]
}): Promise<Response> {
  const site = await settings()
  const items = feedItems(options.publications, options.locale, site)
  return rss({
    title: await feedTitle(options.locale, options.what),
    description: localized(site.organizationDescription, options.locale) || (await feedTitle(options.locale)),
    site: absoluteUrl(options.pagePath),
    trailingSlash: true,
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData:
      `<language>${feedLanguage(options.locale)}</language>` +
      `<atom:link href="${escapeHtml(absoluteUrl(options.feedPath))}" rel="self" type="application/rss+xml"/>`,
    items: items.map((item) => ({
      title: item.title,
      link: item.url,
      pubDate: item.published,
      description: item.summary,
      content: item.contentHtml,
      categories: [item.kind],
    })),
  })
}
