import {
  APIError,
  type CollectionBeforeOperationHook,
  type FieldAccess,
  type PayloadRequest,
  type Where,
} from 'payload'
import { roleOf } from '../access/roles.ts'
import { isPublicUpload, type UploadCollection } from '../access/uploadVisibility.ts'
import { adminT } from '../i18n/admin/adminT.ts'

/**
 * A translator uploads new files and edits those nothing public uses, but never changes what the
 * public sees: not the file or a public field of a public upload, nor the "public on its own"
 * choice (docs/adr/0022). Deleting is refused by the collection's delete access.
 */

type NamedField = { name: string; access?: { read?: FieldAccess } }

const refuse = (req: PayloadRequest, message: 'publicUpload' | 'publicOnItsOwn') =>
  new APIError(adminT(req.i18n.t, 'uploads')(message), 403, undefined, true)

const blank = (value: unknown) => value === undefined || value === null || value === ''
const same = (a: unknown, b: unknown) => (blank(a) && blank(b)) || JSON.stringify(a) === JSON.stringify(b)

/** Whether an anonymous reader may read this field (no read access of its own, or one that lets them). */
async function publicField(field: NamedField, req: PayloadRequest, doc: Record<string, unknown>) {
  const read = field.access?.read
  return (
    !read || Boolean(await read({ req: { ...req, user: null } as PayloadRequest, doc, siblingData: doc, data: doc }))
  )
}

/** Names of the public fields this save would change on this document. */
async function changedPublicFields(
  req: PayloadRequest,
  fields: NamedField[],
  data: Record<string, unknown>,
  doc: Record<string, unknown>,
) {
  const changed: string[] = []
  for (const field of fields) {
    if (!(field.name in data) || same(data[field.name], doc[field.name])) continue
    if (await publicField(field, req, doc)) changed.push(field.name)
  }
  return changed
}

export const guardPublicUpload: CollectionBeforeOperationHook = async ({
  args,
  operation,
  overrideAccess,
  collection,
  req,
}) => {
  if (overrideAccess || roleOf(req.user) !== 'translator') return args
  if (operation !== 'create' && operation !== 'update') return args
  const data = (args.data ?? {}) as Record<string, unknown>
  if (operation === 'create') {
    if (data.publicOnItsOwn === true) throw refuse(req, 'publicOnItsOwn')
    return args
  }

  const upload = collection.slug as UploadCollection
  const { id, where } = args as { id?: number | string; where?: Where }
  const targets = await req.payload.find({
    collection: upload,
    where: id !== undefined ? { id: { equals: id } } : (where ?? {}),
    depth: 0,
    pagination: false,
    locale: req.locale ?? undefined,
    overrideAccess: true,
    req,
  })
  const fields = collection.fields.filter((field) => 'name' in field) as NamedField[]
  for (const doc of targets.docs as unknown as Record<string, unknown>[]) {
    if ('publicOnItsOwn' in data && !same(Boolean(data.publicOnItsOwn), Boolean(doc.publicOnItsOwn)))
      throw refuse(req, 'publicOnItsOwn')
    if (!(await isPublicUpload(req, upload, doc.id))) continue
    if (req.file || (await changedPublicFields(req, fields, data, doc)).length > 0) throw refuse(req, 'publicUpload')
  }
  return args
}
