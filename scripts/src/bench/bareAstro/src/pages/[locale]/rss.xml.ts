import type { APIContext } from 'astro'
import { documents, localeParam, locales } from '../../data.ts'
import { documentFeed } from '../../feed.ts'

export function getStaticPaths() {
  return locales.map((locale) => ({ params: { locale } }))
}

export async function GET({ params, site }: APIContext) {
  return documentFeed(site, localeParam(params), await documents())
}
