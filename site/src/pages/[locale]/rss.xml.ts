import { type Locale, localeCodes } from '@pressroom/shared'
import type { APIRoute } from 'astro'
import { t } from '../../i18n/ui.ts'
import { allPublications } from '../../lib/content.ts'
import { rssResponse } from '../../lib/rss.ts'

export function getStaticPaths() {
  return localeCodes.map((locale) => ({ params: { locale } }))
}

export const GET: APIRoute = async ({ params }) => {
  const locale = params.locale as Locale
  return rssResponse({
    locale,
    what: t(locale).allPublications,
    pagePath: `/${locale}/`,
    feedPath: `/${locale}/rss.xml`,
    publications: await allPublications(),
  })
}
