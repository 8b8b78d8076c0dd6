import type { APIContext } from 'astro'
import { documents, kinds, localeParam, locales } from '../../../data.ts'
import { documentFeed } from '../../../feed.ts'

export function getStaticPaths() {
  return locales.flatMap((locale) => kinds.map((kind) => ({ params: { locale, kind: kind.path } })))
}

export async function GET({ params, site }: APIContext) {
  const items = (await documents()).filter((d) => d.data.kindPath === params.kind)
  return documentFeed(site, localeParam(params), items)
}
