import {
  type DocumentCollection,
  type DocumentKind,
  documentCollections,
  kindByCollection,
  type Locale,
  relationId,
} from '@pressroom/shared'
import type { Payload, Where } from 'payload'
import { releaseOf } from '../../access/embargo.ts'
import { num } from '../../db/sql.ts'
import type { PublicationDocument } from '../publication/publicationMessage.ts'

/** A publication a digest lists, with what filtering and the listing need. */
export type DigestItem = {
  id: number
  kind: DocumentKind
  releasedAt: Date
  topicIds: number[]
  doc: PublicationDocument
}

type Localized<T> = Partial<Record<Locale, T>> | undefined

/**
 * The instant a document became readable by the public (docs/adr/0046): its first publication,
 * or its embargo's end when that came later (access/embargo.ts is the rule for "now").
 */
export function releaseInstant(doc: PublicationDocument): Date | undefined {
  const first = typeof doc.firstPublishedAt === 'string' ? new Date(doc.firstPublishedAt) : undefined
  if (!first || Number.isNaN(first.getTime())) return undefined
  const embargo = typeof doc.embargoUntil === 'string' ? new Date(doc.embargoUntil) : undefined
  return embargo && !Number.isNaN(embargo.getTime()) && embargo > first ? embargo : first
}

/** Whether the document is written in the language: a title and not marked missing. */
export const writtenIn = (item: DigestItem, locale: Locale) =>
  Boolean((item.doc.title as Localized<string>)?.[locale]) &&
  (item.doc.translationState as Localized<string>)?.[locale] !== 'missing'

/**
 * Every publication released at or after `start` and before `end` and still released `now`,
 * oldest first: a document whose release instant is exactly `end` belongs to the next period.
 */
export async function releasedInPeriod(payload: Payload, start: Date, end: Date, now = new Date()) {
  const items: DigestItem[] = []
  for (const collection of documentCollections as DocumentCollection[]) {
    const hasEmbargo = payload.collections[collection].config.flattenedFields.some((f) => f.name === 'embargoUntil')
    const since = { greater_than_equal: start.toISOString() }
    const where: Where = {
      and: [
        { _status: { equals: 'published' } },
        { firstPublishedAt: { less_than: end.toISOString() } },
        hasEmbargo ? { or: [{ firstPublishedAt: since }, { embargoUntil: since }] } : { firstPublishedAt: since },
      ],
    }
    const found = await payload.find({ collection, where, locale: 'all', depth: 0, draft: false, pagination: false })
    const kind = kindByCollection(collection).kind
    for (const doc of found.docs as unknown as PublicationDocument[]) {
      const releasedAt = releaseInstant(doc)
      if (!releasedAt || releasedAt < start || releasedAt >= end || !releaseOf(doc, now).released) continue
      const topicIds = ((doc.topics as unknown[] | undefined) ?? []).map((t) => num(relationId(t)))
      items.push({ id: num(doc.id), kind, releasedAt, topicIds, doc })
    }
  }
  return items.sort((a, b) => a.releasedAt.getTime() - b.releasedAt.getTime() || a.id - b.id)
}
