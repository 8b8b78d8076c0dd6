import {
  type DocumentKind,
  defaultReferencePrefix,
  formatReferenceNumber,
  kindInfo,
  parseReferenceNumber,
} from '@pressroom/shared'
import type { CollectionBeforeChangeHook, CollectionSlug } from 'payload'

/**
 * A reference number is given once, when a document is first published, and never changes:
 * drafts, edits, unpublishing and republishing keep it. It is not localized, so both
 * languages share it. The sequence comes from a counter row per prefix, kind and year, so a
 * number is never handed out twice, even after the document that had it is deleted.
 */
export function assignReferenceNumber(kind: DocumentKind): CollectionBeforeChangeHook {
  return async ({ data, originalDoc, req, collection }) => {
    const existing = originalDoc?.referenceNumber
    if (typeof existing === 'string' && existing) {
      data.referenceNumber = existing
      return data
    }
    const status = data._status ?? originalDoc?._status
    if (status !== 'published') {
      data.referenceNumber = null
      return data
    }

    const settings = await req.payload.findGlobal({ slug: 'site-settings', depth: 0, req, overrideAccess: true })
    const prefix = settings.referencePrefix || defaultReferencePrefix
    const dated = data.date ?? originalDoc?.date
    const year = (dated ? new Date(dated) : new Date()).getUTCFullYear()
    const key = `${prefix}-${kindInfo(kind).code}-${year}`

    const counters = await req.payload.find({
      collection: 'reference-counters',
      where: { key: { equals: key } },
      limit: 1,
      depth: 0,
      overrideAccess: true,
      req,
    })
    const counter = counters.docs[0]
    let sequence: number
    if (counter) {
      sequence = counter.last + 1
      await req.payload.update({
        collection: 'reference-counters',
        id: counter.id,
        data: { last: sequence },
        overrideAccess: true,
        req,
      })
    } else {
      sequence = (await highestIssued(req, collection.slug as CollectionSlug, key)) + 1
      await req.payload.create({
        collection: 'reference-counters',
        data: { key, last: sequence },
        overrideAccess: true,
        req,
      })
    }
    data.referenceNumber = formatReferenceNumber({ prefix, kind, year, sequence })
    if (!data.firstPublishedAt && !originalDoc?.firstPublishedAt) {
      data.firstPublishedAt = new Date().toISOString()
    }
    return data
  }
}

/** Numbers already in the collection (imported data) are never reissued. */
async function highestIssued(
  req: Parameters<CollectionBeforeChangeHook>[0]['req'],
  collection: CollectionSlug,
  key: string,
): Promise<number> {
  const found = await req.payload.find({
    collection,
    where: { referenceNumber: { like: `${key}-` } },
    select: { referenceNumber: true } as never,
    limit: 0,
    depth: 0,
    overrideAccess: true,
    req,
  })
  let highest = 0
  for (const doc of found.docs as { referenceNumber?: string | null }[]) {
    const parsed = doc.referenceNumber ? parseReferenceNumber(doc.referenceNumber) : null
    if (parsed && `${parsed.prefix}-${parsed.code}-${parsed.year}` === key) {
      highest = Math.max(highest, parsed.sequence)
    }
  }
  return highest
}
