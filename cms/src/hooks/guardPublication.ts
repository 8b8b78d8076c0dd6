import {
  type CollectionBeforeOperationHook,
  getLatestCollectionVersion,
  type PayloadRequest,
  type SanitizedCollectionConfig,
} from 'payload'
import { refuse } from '../access/refusals.ts'
import { roleOf } from '../access/roles.ts'

type ID = number | string
type Args = {
  id?: ID
  data?: { _status?: unknown }
  draft?: boolean
  duplicateFromID?: ID
  publishSpecificLocale?: string
  publishAllLocales?: boolean
  unpublishAllLocales?: boolean | string
}

/**
 * Access control lets any staff member save and hides "Publish" from translators, but it sees
 * neither an operation's draft flag, nor the document a duplicate copies, nor the version a
 * restore brings back. This hook sees them. REST, GraphQL, the Local API and the admin all run
 * the same Payload operations, so this is the one place a translator's write is held to leave
 * what the public reads untouched (docs/adr/0004, docs/adr/0024). Deleting is refused by the
 * `delete` access, and a scheduled publication runs as the user who scheduled it, through here.
 */
export const guardPublication: CollectionBeforeOperationHook = async ({
  args,
  collection,
  operation,
  overrideAccess,
  req,
}) => {
  if (overrideAccess || roleOf(req.user) !== 'translator') return args
  const a = args as Args
  if (operation === 'create') await guardCreate(a, collection, req)
  if (operation === 'update') guardUpdate(a, req)
  if (operation === 'restoreVersion') await guardRestore(a, collection, req)
  return args
}

function asksToPublish(args: Args): boolean {
  return (
    args.data?._status === 'published' ||
    Boolean(args.publishSpecificLocale) ||
    args.publishAllLocales === true ||
    Boolean(args.unpublishAllLocales && args.unpublishAllLocales !== 'false')
  )
}

/** A new document, or a copy, must start as a draft. */
async function guardCreate(args: Args, collection: SanitizedCollectionConfig, req: PayloadRequest) {
  if (args.data?._status === 'published' || args.publishSpecificLocale) throw refuse(req, 'draftsOnly')
  const copying = args.duplicateFromID !== undefined && args.duplicateFromID !== null
  // Saved as a draft, or with a status of its own, a copy is a draft; otherwise it takes the
  // status of the original's newest version, as Payload's duplicate reads it.
  if (!copying || args.draft || args.data?._status !== undefined) return
  const original = await getLatestCollectionVersion({
    id: args.duplicateFromID as ID,
    config: collection,
    payload: req.payload,
    query: {
      collection: collection.slug,
      locale: req.locale ?? undefined,
      req,
      where: { id: { equals: args.duplicateFromID } },
    },
    req,
  })
  if (original?._status === 'published') throw refuse(req, 'publishedCopy')
}

/** By id or in bulk: only a draft save, which writes a new version and leaves the live row alone. */
function guardUpdate(args: Args, req: PayloadRequest) {
  if (args.draft !== true || asksToPublish(args)) throw refuse(req, 'draftsOnly')
}

/**
 * Restoring as a draft only adds a version. Otherwise Payload writes the version into the live
 * row: that publishes a published version, and unpublishes a published document.
 */
async function guardRestore(args: Args, collection: SanitizedCollectionConfig, req: PayloadRequest) {
  if (args.draft === true || args.id === undefined) return
  const { docs } = await req.payload.db.findVersions({
    collection: collection.slug,
    where: { id: { equals: args.id } },
    limit: 1,
    pagination: false,
    req,
  })
  const version = docs[0]
  if (!version) return
  const live = await req.payload.db.findOne<{ id: ID; _status?: unknown }>({
    collection: collection.slug,
    where: { id: { equals: version.parent } },
    req,
  })
  if (version.version?._status === 'published' || live?._status === 'published') {
    throw refuse(req, 'restoreChangesPublic')
  }
}
