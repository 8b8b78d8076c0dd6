import { documentKinds, type Locale, localeCodes } from '@pressroom/shared'
import type { APIRoute } from 'astro'
import { t } from '../../../i18n/ui.ts'
import { publicationsOfKind } from '../../../lib/content.ts'
import { rssResponse } from '../../../lib/rss.ts'

export function getStaticPaths() {
  return localeCodes.flatMap((locale) =>
    documentKinds.map((k) => ({ params: { locale, kind: k.path }, props: { kind: k.kind } })),
  )
}

export const GET: APIRoute = async ({ params, props }) => {
  const locale = params.locale as Locale
  const kind = props.kind as (typeof documentKinds)[number]['kind']
  return rssResponse({
    locale,
    what: t(locale).kinds[kind],
    pagePath: `/${locale}/${params.kind}/`,
    feedPath: `/${locale}/${params.kind}/rss.xml`,
    publications: await publicationsOfKind(kind),
  })
}
