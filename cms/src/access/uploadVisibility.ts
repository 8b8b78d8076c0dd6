/**
 * When an upload (an image or a document file) is public: while something the public may read
 * uses it, or an editor made it public on its own (docs/adr/0022). Worked out at read time, so
 * it changes at the very instant its users do: an embargo passing, an unpublish, a removal.
 *
 * Readers call `publicUploadsOrStaff(collection)` as the upload collection's read access; the
 * rest of the CMS asks `publicUploadIds` or `isPublicUpload`.
 */
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
  ...(['statements', 'notices', 'press-releases'] as const).map((collection) => ({
    collection,
    fields: { media: ['media', 'bodyMedia'], documents: ['documents', 'bodyDocuments'] },
  })),
  { collection: 'press-kits', fields: { media: ['media'], documents: ['documents'] } },
]

/**
 * What an anonymous reader may read of a collection, by that collection's own read access: the
 * "published and released" rule is written once (access/index.ts), and followed here.
 */
async function publicWhere(req: PayloadRequest, collection: CollectionSlug): Promise<Where | boolean> {
  const read = req.payload.collections[collection].config.access.read
  const anonymous = { ...req, user: null } as PayloadRequest
  return read ? await read({ req: anonymous }) : false
}

const idOf = (value: unknown): string | undefined => {
  const id = value && typeof value === 'object' ? (value as { id?: unknown }).id : value
  return typeof id === 'number' || typeof id === 'string' ? String(id) : undefined
}

/** The ids of the uploads that public places use now; depth 0, only the fields that point at uploads. */
async function usedByPublicPlaces(req: PayloadRequest, upload: UploadCollection): Promise<Set<string>> {
  const used = new Set<string>()
  await Promise.all(
    uploadUsers.map(async ({ collection, fields }) => {
      const where = await publicWhere(req, collection)
      if (where === false) return
      const found = await req.payload.find({
        collection,
        where: where === true ? {} : where,
        select: Object.fromEntries(fields[upload].map((name) => [name, true])),
        depth: 0,
        pagination: false,
        draft: false,
        overrideAccess: true,
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
  const onItsOwn = await req.payload.find({
    collection: upload,
    where: { publicOnItsOwn: { equals: true } },
    select: {},
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  for (const doc of onItsOwn.docs) used.add(String(doc.id))
  return used
}

// One answer per request: a list populating many relationships asks once, not once per document.
const perRequest = new WeakMap<PayloadRequest, Map<UploadCollection, Promise<Set<string>>>>()

/** The ids of the public uploads of a collection, as of this request. */
export function publicUploadIds(req: PayloadRequest, upload: UploadCollection): Promise<Set<string>> {
  const cached = perRequest.get(req) ?? new Map<UploadCollection, Promise<Set<string>>>()
  perRequest.set(req, cached)
  const ids = cached.get(upload) ?? usedByPublicPlaces(req, upload)
  cached.set(upload, ids)
  return ids
}

export async function isPublicUpload(req: PayloadRequest, upload: UploadCollection, id: unknown): Promise<boolean> {
  return (await publicUploadIds(req, upload)).has(String(id))
}

/** Whether a file name (the original's or an image size's) belongs to one of these uploads. */
async function fileAmong(req: PayloadRequest, upload: UploadCollection, filename: unknown, ids: string[]) {
  if (typeof filename !== 'string' || ids.length === 0) return false
  const sizes = req.payload.collections[upload].config.upload.imageSizes ?? []
  const named: Where[] = [
    { filename: { equals: filename } },
    ...sizes.map((size) => ({ [`sizes.${size.name}.filename`]: { equals: filename } })),
  ]
  const found = await req.payload.db.findOne({
    collection: upload,
    where: { and: [{ or: named }, { id: { in: ids } }] },
    req,
  })
  return Boolean(found)
}

/**
 * Read access of an upload collection: staff read every upload, everyone else the public ones.
 * A file URL of an upload that is not public answers 404, as if it did not exist (Payload's file
 * route, which applies this same where to the original and every size, would say 403).
 */
export const publicUploadsOrStaff =
  (upload: UploadCollection): Access =>
  async ({ req, data, isReadingStaticFile }) => {
    if (roleOf(req.user)) return true
    const ids = [...(await publicUploadIds(req, upload))]
    if (isReadingStaticFile && !(await fileAmong(req, upload, data?.filename, ids))) throw new NotFound(req.t)
    return { id: { in: ids } }
  }
