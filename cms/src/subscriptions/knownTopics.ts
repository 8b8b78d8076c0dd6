import type { Payload } from 'payload'

/** Topic slugs known to the CMS, kept for a minute (the subscribe endpoint reads them on every request). */
let topicCache: { at: number; bySlug: Map<string, number> } | undefined
export async function topicIdsBySlug(payload: Payload): Promise<Map<string, number>> {
  if (topicCache && Date.now() - topicCache.at < 60_000) return topicCache.bySlug
  const topics = await payload.find({ collection: 'topics', limit: 1000, depth: 0, pagination: false, locale: 'en' })
  const bySlug = new Map(topics.docs.filter((d) => d.slug).map((d) => [String(d.slug), d.id]))
  topicCache = { at: Date.now(), bySlug }
  return bySlug
}

export function forgetTopicCache() {
  topicCache = undefined
}
