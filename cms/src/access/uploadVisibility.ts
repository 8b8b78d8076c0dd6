/**
 * When an upload (an image or a document file) is public: while something the public may read
 * uses it, or an editor made it public on its own (docs/adr/0022). Worked out at read time, so
 * it changes at the very instant its users do: an embargo passing, an unpublish, a removal.
 *
 * Readers call `publicUploadsOrStaff(collection)` as the upload collection's read access; the
 * rest of the CMS asks `publicUploadIds` or `isPublicUpload`.
 */
import { documentCollections, relationId } from '@pressroom/shared'
import { type Access, type CollectionSlug, NotFound, type PayloadRequest, type Where } from 'payload'
import { roleOf } from './roles.ts'

export type UploadCollection = 'media' | 'documents'

/** The fields of a public place that point at uploads, by upload collection. */
type UploadUser = { collection: CollectionSlug; fields: Record<UploadCollection, string[]> }

/**
 * Every place the public reads that can point at an upload. Publications count their related
 * media and documents and every upload in their rich text (kept in bodyMedia / bodyDocuments,
 * see fields/bodyUploads.ts). A test checks that no other field of the config points at uploads.
 */
export const uploadUsers: UploadUser[] = [
  ...documentCollections.map((collection) => ({
    collection,
    fields: { media: ['media', 'bodyMedia'], documents: ['documents', 'bodyDocuments'] },
  })),
  { collection: 'press-kits', fields: { media: ['media'], documents: ['documents'] } },
]

/**
 * What an anonymous reader may read of a collection, by that collection's own read access: the
 * "published and released" rule is written once (access/embargo.ts), and followed here.
 */
async function publicWhere(req: PayloadRequest, collection: CollectionSlug): Promise<Where | boolean> {
  const read = req.payload.collections[collection].config.access.read
  const anonymous = { ...req, user: null } as PayloadRequest
  return read ? await read({ req: anonymous }) : false
}

const idOf = (value: unknown): string | undefined => {
  const id = relationId(value)
  return typeof id === 'number' || typeof id === 'string' ? String(id) : undefined
}

/**
 * The ids of the uploads that public places use now, among `among` when given (one upload read by
 * id or by file: indexed lookups instead of every public document). Reads the database directly,
 * without hooks: depth 0, the fields that point at uploads only, no pagination.
 */
async function usedByPublicPlaces(req: PayloadRequest, upload: UploadCollection, among?: string[]) {
  const used = new Set<string>()
  const only = (names: string[]): Where[] => (among ? [{ or: names.map((name) => ({ [name]: { in: among } })) }] : [])
  await Promise.all(
    uploadUsers.map(async ({ collection, fields }) => {
      const where = await publicWhere(req, collection)
      if (where === false) return
      const conditions = [...(where === true ? [] : [where]), ...only(fields[upload])]
      const found = await req.payload.db.find({
        collection,
        where: conditions.length ? { and: conditions } : {},
        select: Object.fromEntries(fields[upload].map((name) => [name, true])),
        pagination: false,
        limit: 0,
        sort: 'id',
        req,
      })
      for (const doc of found.docs as unknown as Record<string, unknown>[]) {
        for (const name of fields[upload]) {
          for (const value of (doc[name] as unknown[] | undefined) ?? []) {
            const id = idOf(value)
            if (id) used.add(id)
          }
        }
      }
    }),
  )
  const onItsOwn = await req.payload.db.find({
    collection: upload,
    where: { and: [{ publicOnItsOwn: { equals: true } }, ...only(['id'])] },
    select: { publicOnItsOwn: true },
    pagination: false,
    limit: 0,
    req,
  })
  for (const doc of onItsOwn.docs) used.add(String(doc.id))
  return among ? new Set(among.filter((id) => used.has(id))) : used
}

// One answer per request and question: a list populating many relationships asks once.
const perRequest = new WeakMap<PayloadRequest, Map<string, Promise<Set<string>>>>()

/** The ids of the public uploads of a collection (among some ids, when given), as of this request. */
export function publicUploadIds(req: PayloadRequest, upload: UploadCollection, among?: string[]): Promise<Set<string>> {
  const cached = perRequest.get(req) ?? new Map<string, Promise<Set<string>>>()
  perRequest.set(req, cached)
  const key = among ? `${upload}:${among.join(',')}` : upload
  const ids = cached.get(key) ?? usedByPublicPlaces(req, upload, among)
  cached.set(key, ids)
  return ids
}

export async function isPublicUpload(req: PayloadRequest, upload: UploadCollection, id: unknown): Promise<boolean> {
  return (await publicUploadIds(req, upload, [String(id)])).has(String(id))
}

/** The upload a file name belongs to: its original's or one of its image sizes'. */
export async function uploadOfFile(req: PayloadRequest, upload: UploadCollection, filename: unknown) {
  if (typeof filename !== 'string') return undefined
  const sizes = req.payload.collections[upload].config.upload.imageSizes ?? []
  const named: Where[] = [
    { filename: { equals: filename } },
    ...sizes.map((size) => ({ [`sizes.${size.name}.filename`]: { equals: filename } })),
  ]
  const found = await req.payload.db.findOne<{ id: number | string }>({ collection: upload, where: { or: named }, req })
  return found?.id
}

/**
 * Read access of an upload collection: staff read every upload, everyone else the public ones.
 * A file URL of an upload that is not public answers 404, as if it did not exist (Payload's file
 * route, which applies the where returned here to the original and every size, would say 403).
 */
export const publicUploadsOrStaff =
  (upload: UploadCollection): Access =>
  async ({ req, id, data, isReadingStaticFile }) => {
    if (roleOf(req.user)) return true
    if (isReadingStaticFile) {
      const owner = await uploadOfFile(req, upload, data?.filename)
      if (owner === undefined || !(await isPublicUpload(req, upload, owner))) throw new NotFound(req.t)
      return { id: { equals: owner } }
    }
    const among = id === undefined ? undefined : [String(id)]
    return { id: { in: [...(await publicUploadIds(req, upload, among))] } }
  }
