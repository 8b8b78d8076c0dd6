import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeOperationHook,
  GlobalAfterChangeHook,
  RequestContext,
} from 'payload'
import { requestSiteBuild } from '../site/requestSiteBuild.ts'

/**
 * What the public site shows changes when a document is published, unpublished, edited while
 * published or deleted while published; each such change queues a (debounced) site build.
 * Saving a draft changes nothing public and queues nothing.
 */

const draftOnlyKey = (collection: string) => `siteBuild:draftOnly:${collection}`

/** `context.siteBuild === false` lets a script that rebuilds afterwards (or never) opt out. */
const optedOut = (context: RequestContext) => context.siteBuild === false

/**
 * afterChange cannot tell a draft save of a published document (doc: draft, previous: published)
 * from an unpublish; only the operation's `draft` flag can, so it is noted here. Payload saves a
 * draft version only when `draft` is set and the data is not being published.
 */
export const noteDraftSave: CollectionBeforeOperationHook = ({ args, operation, collection, req }) => {
  if (operation !== 'update' && operation !== 'create') return args
  const status = (args.data as { _status?: unknown } | undefined)?._status
  req.context[draftOnlyKey(collection.slug)] = args.draft === true && status !== 'published'
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
    const wasPublic = (previousDoc as Identified | undefined)?._status === 'published'
    const isPublic = current._status === 'published'
    if (!wasPublic && !isPublic) return doc
    change = isPublic ? (wasPublic && operation === 'update' ? 'updated' : 'published') : 'unpublished'
  } else {
    change = operation === 'create' ? 'added' : 'updated'
  }
  await requestSiteBuild(req.payload, `${change} ${label(collection.slug, current)}`)

  // An embargoed release becomes public by the clock: the site must be rebuilt right then.
  const embargo = typeof current.embargoUntil === 'string' ? new Date(current.embargoUntil) : null
  if (current._status === 'published' && embargo && embargo.getTime() > Date.now()) {
    await requestSiteBuild(req.payload, `embargo ends for ${label(collection.slug, current)}`, { at: embargo })
  }
  return doc
}

export const queueSiteBuildOnDelete: CollectionAfterDeleteHook = async ({ collection, context, doc, req }) => {
  if (optedOut(context)) return doc
  const current = doc as Identified
  if (collection.versions?.drafts && current._status !== 'published') return doc
  await requestSiteBuild(req.payload, `deleted ${label(collection.slug, current)}`)
  return doc
}

export const queueSiteBuildOnGlobalChange: GlobalAfterChangeHook = async ({ context, doc, global, req }) => {
  if (optedOut(context)) return doc
  await requestSiteBuild(req.payload, `updated ${global.slug}`)
  return doc
}
