import { type Locale, localeCodes, topicPath } from '@pressroom/shared'
import type { APIRoute } from 'astro'
import { localized, publicationsByTopic, topicsById } from '../../../../lib/content.ts'
import type { Topic } from '../../../../lib/normalize.ts'
import { rssResponse } from '../../../../lib/rss.ts'

export async function getStaticPaths() {
  const topics = [...(await topicsById()).values()]
  return localeCodes.flatMap((locale) =>
    topics.map((topic) => ({ params: { locale, topic: topic.slug }, props: { topic } })),
  )
}

export const GET: APIRoute = async ({ params, props }) => {
  const locale = params.locale as Locale
  const topic = props.topic as Topic
  return rssResponse({
    locale,
    what: localized(topic.title, locale),
    pagePath: topicPath(locale, topic.slug),
    feedPath: `${topicPath(locale, topic.slug)}rss.xml`,
    publications: (await publicationsByTopic()).get(topic.cmsId) ?? [],
  })
}
