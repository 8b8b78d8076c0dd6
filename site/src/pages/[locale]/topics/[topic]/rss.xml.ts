import { localeCodes, topicFeedPath, topicPath } from '@pressroom/shared'
import { localized, publicationsByTopic, topicsById } from '../../../../lib/content.ts'
import type { StaticRoute } from '../../../../lib/paths.ts'
import { rssResponse } from '../../../../lib/rss.ts'

export async function getStaticPaths() {
  const topics = [...(await topicsById()).values()]
  return localeCodes.flatMap((locale) =>
    topics.map((topic) => ({ params: { locale, topic: topic.slug }, props: { topic } })),
  )
}

export const GET: StaticRoute<typeof getStaticPaths> = async ({ params: { locale }, props: { topic } }) =>
  rssResponse({
    locale,
    what: localized(topic.title, locale),
    pagePath: topicPath(locale, topic.slug),
    feedPath: topicFeedPath(locale, topic.slug),
    publications: (await publicationsByTopic()).get(topic.cmsId) ?? [],
  })
