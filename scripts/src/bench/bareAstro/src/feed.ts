import rss from '@astrojs/rss'
import { allKindsHeading, type Locale } from '@pressroom/shared'
import { type DocumentEntry, docUrl, versionOf } from './data.ts'

/** An RSS feed through @astrojs/rss, with the full text of the latest 50 documents, as the site's feeds have. */
export function documentFeed(site: URL | undefined, locale: Locale, items: DocumentEntry[]) {
  if (!site) throw new Error('The baseline needs `site` in astro.config.ts to write absolute feed links.')
  return rss({
    title: 'Press room',
    description: allKindsHeading('en'),
    site,
    items: items.slice(0, 50).map((doc) => {
      const version = versionOf(doc, locale)
      return {
        title: version.title,
        link: docUrl(doc, locale),
        pubDate: new Date(doc.data.date),
        description: version.summary,
        content: version.bodyHtml,
      }
    }),
  })
}
