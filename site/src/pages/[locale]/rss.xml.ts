import { localeHomePath, rssFeedPath } from '@pressroom/shared'
import { t } from '../../i18n/ui.ts'
import { allPublications } from '../../lib/content.ts'
import { localePaths, type StaticRoute } from '../../lib/paths.ts'
import { rssResponse } from '../../lib/rss.ts'

export const getStaticPaths = localePaths

export const GET: StaticRoute<typeof getStaticPaths> = async ({ params: { locale } }) =>
  rssResponse({
    locale,
    what: t(locale).allPublications,
    pagePath: localeHomePath(locale),
    feedPath: rssFeedPath(locale),
    publications: await allPublications(),
  })
