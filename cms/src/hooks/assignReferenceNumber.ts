import {
  type DocumentKind,
  defaultReferencePrefix,
  formatReferenceNumber,
  kindInfo,
  parseReferenceNumber,
} from '@pressroom/shared'
import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, CollectionSlug, PayloadRequest } from 'payload'

/**
 * A reference number is given once, when a document is first published, and never changes:
 * drafts, edits, unpublishing and republishing keep it. It is not localized, so both
 * languages share it (docs/adr/0005-reference-numbers.md).
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
    const [counter, issued] = await Promise.all([
      findCounter(req, key),
      highestIssued(req, collection.slug as CollectionSlug, key),
    ])
    const sequence = Math.max(counter?.last ?? 0, issued) + 1
    data.referenceNumber = formatReferenceNumber({ prefix, kind, year, sequence })
    if (!data.firstPublishedAt && !originalDoc?.firstPublishedAt) {
      data.firstPublishedAt = new Date().toISOString()
    }
    return data
  }
}

/**
 * Records a number as issued only once its document is saved, so a save that fails later
 * (a duplicate slug, say) uses no number up. The counter keeps a deleted document's number
 * from being issued again.
 */
export const recordIssuedReferenceNumber: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  const reference = doc.referenceNumber
  if (typeof reference !== 'string' || reference === previousDoc?.referenceNumber) return doc
  const parsed = parseReferenceNumber(reference)
  if (!parsed) return doc
  const key = `${parsed.prefix}-${parsed.code}-${parsed.year}`
  const counter = await findCounter(req, key)
  if (!counter) {
    await req.payload.create({
      collection: 'reference-counters',
      data: { key, last: parsed.sequence },
      overrideAccess: true,
      req,
    })
  } else if (counter.last < parsed.sequence) {
    await req.payload.update({
      collection: 'reference-counters',
      id: counter.id,
      data: { last: parsed.sequence },
      overrideAccess: true,
      req,
    })
  }
  return doc
}

async function findCounter(req: PayloadRequest, key: string) {
  const found = await req.payload.find({
    collection: 'reference-counters',
    where: { key: { equals: key } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return found.docs[0]
}

/** The highest sequence present in the collection for a key (covers imported documents). */
async function highestIssued(req: PayloadRequest, collection: CollectionSlug, key: string): Promise<number> {
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
