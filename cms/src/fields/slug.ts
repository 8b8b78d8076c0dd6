import { maxSlugLength, slugPattern, toSlug } from '@pressroom/shared'
import type { CollectionSlug, Field, FieldHook, PayloadRequest } from 'payload'
import { adminT } from '../i18n/admin/adminT.ts'

/** The base itself if free, else the base with the first free numeric suffix. */
async function uniqueSlug(
  base: string,
  collection: { slug: string },
  req: PayloadRequest,
): Promise<string | undefined> {
  for (let n = 1; n < 100; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`
    const taken = await req.payload.count({
      collection: collection.slug as CollectionSlug,
      where: { slug: { equals: candidate } },
      overrideAccess: true,
      req,
    })
    if (taken.totalDocs === 0) return candidate
  }
  return undefined
}

const fillSlug: FieldHook = async ({ value, data, originalDoc, collection, req }) => {
  if (typeof value === 'string' && value.length > 0) return value
  if (typeof originalDoc?.slug === 'string' && originalDoc.slug) return originalDoc.slug
  const title = typeof data?.title === 'string' ? data.title : ''
  const base = toSlug(title)
  if (!base || !collection) return value
  return (await uniqueSlug(base, collection, req)) ?? value
}

/** A copy gets the original's slug with a free suffix (Payload's " - Copy" is not a valid slug). */
const copySlug: FieldHook = async ({ value, collection, req }) =>
  typeof value === 'string' && value && collection ? uniqueSlug(value, collection, req) : undefined

/**
 * One slug for both languages. When left empty it is made from the title of the language being
 * written (Cyrillic transliterated) and made unique by a numeric suffix.
 */
export const slugField: Field = {
  name: 'slug',
  type: 'text',
  label: { en: 'Slug (URL, both languages)', ru: 'Слаг (адрес, для обоих языков)' },
  unique: true,
  index: true,
  // Required through validate, which only runs on publish: a draft may not have a title yet.
  admin: {
    position: 'sidebar',
    description: {
      en: 'Left empty, it is made from the title. Changing it breaks links that were shared.',
      ru: 'Если оставить пустым, он будет создан из заголовка. Изменение ломает уже разосланные ссылки.',
    },
  },
  hooks: { beforeValidate: [fillSlug], beforeDuplicate: [copySlug] },
  // shared's checkSlug says the same in English for the site's build; staff read it in their language.
  validate: (value: unknown, { req }: { req: PayloadRequest }) => {
    const say = adminT(req.i18n.t, 'validation')
    if (typeof value !== 'string' || value.length === 0) return say('slugRequired')
    if (value.length > maxSlugLength) return say('slugTooLong', { max: maxSlugLength })
    return slugPattern.test(value) ? true : say('slugPattern')
  },
}
