import { relationId } from '@pressroom/shared'
import type { CollectionSlug, FieldHook } from 'payload'
import { roleOf } from '../access/roles.ts'

type Entry = { relationTo?: unknown; value?: unknown }

/**
 * A published press kit may list drafts and embargoed releases, which join it when the public
 * can read them (docs/adr/0022). Until then the public must not learn even their ids: each
 * entry is kept only when the reader may read that document. Runs before relationship
 * population, so it holds at every depth, in REST and GraphQL alike.
 */
export const hideUnreleasedPublications: FieldHook = async ({ value, req, overrideAccess }) => {
  // Only reads on an outsider's behalf are filtered (REST and GraphQL leave overrideAccess unset).
  // Trusted reads (overrideAccess: true) include the one an update makes of the stored document
  // before merging the change into it: filtering there would write the filtered list back and
  // drop the unreleased entries from the kit for good.
  if (overrideAccess === true || roleOf(req.user) || !Array.isArray(value)) return value
  const entries = value as Entry[]
  const byCollection = new Map<string, unknown[]>()
  for (const entry of entries) {
    if (typeof entry?.relationTo !== 'string') continue
    byCollection.set(entry.relationTo, [...(byCollection.get(entry.relationTo) ?? []), relationId(entry.value)])
  }
  const readable = new Set<string>()
  for (const [collection, ids] of byCollection) {
    const found = await req.payload.find({
      collection: collection as CollectionSlug,
      where: { id: { in: ids } },
      select: {},
      depth: 0,
      pagination: false,
      draft: false,
      overrideAccess: false,
      req,
    })
    for (const doc of found.docs) readable.add(`${collection}:${doc.id}`)
  }
  return entries.filter((entry) => readable.has(`${String(entry?.relationTo)}:${String(relationId(entry?.value))}`))
}
