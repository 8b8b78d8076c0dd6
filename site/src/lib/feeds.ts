/** What the RSS feeds and the JSON Feed of each language share: items (feedItems.ts), title, language. */
import { type Locale, localeInfo } from '@pressroom/shared'
import { localized, settings } from './content.ts'

export { type FeedItem, feedItems, feedLimit } from './feedItems.ts'

export async function feedTitle(locale: Locale, what?: string): Promise<string> {
  const site = await settings()
  const organization = localized(site.organizationName, locale)
  return what ? `${organization} — ${what}` : organization
}

export function feedLanguage(locale: Locale): string {
  return localeInfo(locale).hreflang
}
