import { jsonFeedPath, localeHomePath } from '@pressroom/shared'
import { absoluteUrl, allPublications, localized, settings } from '../../lib/content.ts'
import { feedItems, feedLanguage, feedTitle } from '../../lib/feeds.ts'
import { localePaths, type StaticRoute } from '../../lib/paths.ts'

export const getStaticPaths = localePaths

/** JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/) of every publication in one language. */
export const GET: StaticRoute<typeof getStaticPaths> = async ({ params: { locale } }) => {
  const site = await settings()
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: await feedTitle(locale),
    home_page_url: absoluteUrl(localeHomePath(locale)),
    feed_url: absoluteUrl(jsonFeedPath(locale)),
    description: localized(site.organizationDescription, locale) || undefined,
    language: feedLanguage(locale),
    items: feedItems(await allPublications(), locale, site).map((item) => ({
      id: item.id,
      url: item.url,
      title: item.title,
      summary: item.summary,
      content_html: item.contentHtml,
      date_published: item.published.toISOString(),
      date_modified: item.modified?.toISOString(),
      tags: [item.kind],
      ...(item.referenceNumber ? { _pressroom: { reference_number: item.referenceNumber } } : {}),
    })),
  }
  return new Response(JSON.stringify(feed, null, 2), { headers: { 'content-type': 'application/feed+json' } })
}
