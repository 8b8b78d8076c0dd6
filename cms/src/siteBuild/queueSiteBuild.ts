import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeOperationHook,
  GlobalAfterChangeHook,
  RequestContext,
} from 'payload'
import { releaseOf } from '../access/embargo.ts'
import { requestSiteBuild } from './requestSiteBuild.ts'
import { siteBuildSettings } from './settings.ts'

/**
 * What the public site shows changes when a document is published, unpublished, edited while
 * published or deleted while published; each such change queues a site build (due at once, docs/adr/0044).
 * Saving a draft changes nothing public and queues nothing.
 */

const draftOnlyKey = (collection: string) => `siteBuild:draftOnly:${collection}`
const wasPublishedKey = (collection: string, id: unknown) => `siteBuild:wasPublished:${collection}:${String(id)}`

/** `context.siteBuild === false` lets a script that rebuilds afterwards (or never) opt out. */
const optedOut = (context: RequestContext) => context.siteBuild === false

/**
 * Notes what afterChange and afterDelete cannot see for documents with drafts:
 * - whether this save is a draft only: a draft save of a published document looks like an
 *   unpublish there (doc: draft, previous: published); Payload saves a draft version only when
 *   `draft` is set and the data is not being published;
 * - whether the live document is published: `previousDoc` is the newest version, which may be a
 *   draft saved after the published one.
 */
export const notePublicState: CollectionBeforeOperationHook = async ({ args, operation, collection, req }) => {
  if (!collection.versions?.drafts || !siteBuildSettings().enabled) return args
  if (operation === 'update' || operation === 'create') {
    const status = (args.data as { _status?: unknown } | undefined)?._status
    req.context[draftOnlyKey(collection.slug)] = args.draft === true && status !== 'published'
  }
  let id = (args as { id?: unknown }).id
  if (operation === 'restoreVersion') {
    // Restoring a version is an update of its parent; as a draft it changes nothing public, else
    // it may unpublish a published document whose newest version was already a draft.
    req.context[draftOnlyKey(collection.slug)] = (args as { draft?: unknown }).draft === true
    const { docs } = await req.payload.db.findVersions({
      collection: collection.slug,
      where: { id: { equals: id } },
      limit: 1,
      pagination: false,
      req,
    })
    id = docs[0]?.parent
  }
  const identified = typeof id === 'string' || typeof id === 'number'
  if ((operation === 'update' || operation === 'delete' || operation === 'restoreVersion') && identified) {
    const live = await req.payload.db.findOne<{ id: number | string; _status?: string }>({
      collection: collection.slug,
      where: { id: { equals: id } },
      req,
    })
    req.context[wasPublishedKey(collection.slug, id)] = live?._status === 'published'
  }
  return args
}

type Identified = { id: number | string; slug?: unknown; _status?: unknown; embargoUntil?: unknown }

const label = (collection: string, doc: Identified) =>
  `${collection}/${typeof doc.slug === 'string' && doc.slug ? doc.slug : doc.id}`

export const queueSiteBuildOnChange: CollectionAfterChangeHook = async ({
  collection,
  context,
  doc,
  operation,
  previousDoc,
  req,
}) => {
  if (optedOut(context)) return doc
  const current = doc as Identified
  let change: string
  if (collection.versions?.drafts) {
    if (context[draftOnlyKey(collection.slug)] === true) return doc
    const noted = context[wasPublishedKey(collection.slug, current.id)]
    const wasPublic =
      typeof noted === 'boolean' ? noted : (previousDoc as Identified | undefined)?._status === 'published'
    const isPublic = current._status === 'published'
    if (!wasPublic && !isPublic) return doc
    change = isPublic ? (wasPublic && operation === 'update' ? 'updated' : 'published') : 'unpublished'
  } else {
    change = operation === 'create' ? 'added' : 'updated'
  }
  await requestSiteBuild(req.payload, `${change} ${label(collection.slug, current)}`, {}, req)

  // An embargoed release becomes public by the clock: the site must be rebuilt right then.
  const release = releaseOf(current)
  if (!release.released && release.until) {
    await requestSiteBuild(
      req.payload,
      `embargo ends for ${label(collection.slug, current)}`,
      { at: release.until },
      req,
    )
  }
  return doc
}

export const queueSiteBuildOnDelete: CollectionAfterDeleteHook = async ({ collection, context, doc, req }) => {
  if (optedOut(context)) return doc
  const current = doc as Identified
  const noted = context[wasPublishedKey(collection.slug, current.id)]
  const wasPublic = typeof noted === 'boolean' ? noted : current._status === 'published'
  if (collection.versions?.drafts && !wasPublic) return doc
  await requestSiteBuild(req.payload, `deleted ${label(collection.slug, current)}`, {}, req)
  return doc
}

export const queueSiteBuildOnGlobalChange: GlobalAfterChangeHook = async ({ context, doc, global, req }) => {
  if (optedOut(context)) return doc
  await requestSiteBuild(req.payload, `updated ${global.slug}`, {}, req)
  return doc
}
