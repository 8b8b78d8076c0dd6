import type { CollectionSlug, Payload, Where } from 'payload'

/**
 * The first document `where` finds (drafts included), else the one `create` makes: how each
 * seeded item is created only if it is missing, so running the seed again changes nothing.
 */
export async function findOrCreate<T extends { id: number | string }>(
  payload: Payload,
  collection: CollectionSlug,
  where: Where,
  create: () => Promise<T>,
): Promise<T> {
  const found = await payload.find({ collection, where, locale: 'en', limit: 1, depth: 0, draft: true })
  return (found.docs[0] as T | undefined) ?? (await create())
}
