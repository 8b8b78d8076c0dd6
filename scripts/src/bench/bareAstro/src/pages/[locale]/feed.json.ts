import type { APIContext } from 'astro'
import { docUrl, documents, localeParam, locales, versionOf } from '../../data.ts'

export function getStaticPaths() {
  return locales.map((locale) => ({ params: { locale } }))
}

export async function GET({ params, site }: APIContext) {
  const locale = localeParam(params)
  const items = (await documents()).slice(0, 50).map((doc) => {
    const version = versionOf(doc, locale)
    const url = new URL(docUrl(doc, locale), site).href
    return {
      id: url,
      url,
      title: version.title,
      summary: version.summary,
      content_html: version.bodyHtml,
      date_published: doc.data.date,
    }
  })
  return new Response(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Press room', items }))
}
