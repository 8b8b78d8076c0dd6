import { documentKinds, kindFeedPath, kindListPath, localeCodes } from '@pressroom/shared'
import { t } from '../../../i18n/ui.ts'
import { publicationsOfKind } from '../../../lib/content.ts'
import type { StaticRoute } from '../../../lib/paths.ts'
import { rssResponse } from '../../../lib/rss.ts'

export function getStaticPaths() {
  return localeCodes.flatMap((locale) =>
    documentKinds.map((k) => ({ params: { locale, kind: k.path }, props: { kind: k.kind } })),
  )
}

export const GET: StaticRoute<typeof getStaticPaths> = async ({ params: { locale }, props: { kind } }) =>
  rssResponse({
    locale,
    what: t(locale).kinds[kind],
    pagePath: kindListPath(locale, kind),
    feedPath: kindFeedPath(locale, kind),
    publications: await publicationsOfKind(kind),
  })
