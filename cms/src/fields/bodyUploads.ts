import { relationId } from '@pressroom/shared'
import type { Field, FieldHook } from 'payload'
import { staffOnlyField } from '../access/index.ts'
import type { UploadCollection } from '../access/uploadVisibility.ts'

/**
 * The uploads a publication's rich text points at, kept beside it on every save so that the
 * upload visibility rule (docs/adr/0022) reads relationship fields only, never 2,000 bodies.
 * Derived, never written by hand; staff-only, as it says nothing a reader needs.
 */

const nobody = () => false

/** Ids of the uploads of one collection anywhere in a rich text value: upload and relationship nodes, internal links. */
export function uploadsInRichText(value: unknown, upload: UploadCollection, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) uploadsInRichText(item, upload, found)
  } else if (value && typeof value === 'object') {
    const node = value as { relationTo?: unknown; value?: unknown }
    if (node.relationTo === upload) {
      const id = relationId(node.value)
      if (typeof id === 'number' || typeof id === 'string') found.add(String(id))
    }
    for (const child of Object.values(value)) uploadsInRichText(child, upload, found)
  }
  return found
}

/** Every language's body of the version being saved: this language's from the save, the others as they were. */
const deriveFromBody =
  (upload: UploadCollection): FieldHook =>
  async ({ siblingData, siblingDocWithLocales, req }) => {
    const found = uploadsInRichText(siblingData.body, upload)
    if (req.locale !== 'all') {
      const others = (siblingDocWithLocales?.body ?? {}) as Record<string, unknown>
      for (const [locale, body] of Object.entries(others))
        if (locale !== req.locale) uploadsInRichText(body, upload, found)
    }
    if (found.size === 0) return []
    // A node may still point at a deleted upload; a relationship to it could not be saved.
    const existing = await req.payload.find({
      collection: upload,
      where: { id: { in: [...found] } },
      select: {},
      depth: 0,
      pagination: false,
      overrideAccess: true,
      req,
    })
    return existing.docs.map((doc) => doc.id)
  }

const derived = (name: string, upload: UploadCollection): Field => ({
  name,
  type: 'relationship',
  relationTo: upload,
  hasMany: true,
  access: { read: staffOnlyField, create: nobody, update: nobody },
  admin: { hidden: true },
  hooks: { beforeChange: [deriveFromBody(upload)] },
})

export const bodyUploadFields: Field[] = [derived('bodyMedia', 'media'), derived('bodyDocuments', 'documents')]
