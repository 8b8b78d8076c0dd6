import type { APIContext } from 'astro'
import { documents, localeParam, locales, topics } from '../../../../data.ts'
import { documentFeed } from '../../../../feed.ts'

export async function getStaticPaths() {
  const all = await topics()
  return locales.flatMap((locale) => all.map((t) => ({ params: { locale, topic: t.data.slug } })))
}

export async function GET({ params, site }: APIContext) {
  const items = (await documents()).filter((d) => params.topic !== undefined && d.data.topics.includes(params.topic))
  return documentFeed(site, localeParam(params), items)
}
