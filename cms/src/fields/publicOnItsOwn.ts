import type { CollectionAfterChangeHook, Field, FieldHook } from 'payload'
import { isPublisherField, staffOnlyField } from '../access/index.ts'

/**
 * An editor's explicit choice to make an upload public although nothing public uses it (a logo,
 * a photo for journalists on its own; docs/adr/0022). Who changed it last, and when, is kept
 * beside it and logged. Staff only: the public sees the file, never the choice.
 */

const nobody = () => false

const recordWhoAndWhen: FieldHook = ({ value, previousValue, siblingData, req, operation }) => {
  const changed = operation === 'create' ? value === true : Boolean(value) !== Boolean(previousValue)
  if (changed) {
    siblingData.publicOnItsOwnSetBy = req.user?.email ?? 'system (no signed-in user)'
    siblingData.publicOnItsOwnSetAt = new Date().toISOString()
  }
  return value
}

export const publicOnItsOwnFields: Field[] = [
  {
    name: 'publicOnItsOwn',
    type: 'checkbox',
    defaultValue: false,
    label: { en: 'Public on its own', ru: 'Публичный сам по себе' },
    access: { read: staffOnlyField, create: isPublisherField, update: isPublisherField },
    hooks: { beforeChange: [recordWhoAndWhen] },
    admin: {
      position: 'sidebar',
      description: {
        en: 'Without this, the file is public only while a published document (after its embargo) or a published press kit uses it. Editors and admins only; the change is logged.',
        ru: 'Без этой отметки файл публичен, только пока его использует опубликованный документ (после эмбарго) или опубликованный пресс-кит. Только для редакторов и администраторов; изменение записывается.',
      },
    },
  },
  {
    name: 'publicOnItsOwnSetBy',
    type: 'text',
    label: { en: 'Public on its own: changed by', ru: 'Публичный сам по себе: кем изменено' },
    access: { read: staffOnlyField, create: nobody, update: nobody },
    admin: { position: 'sidebar', readOnly: true },
  },
  {
    name: 'publicOnItsOwnSetAt',
    type: 'date',
    label: { en: 'Public on its own: changed at', ru: 'Публичный сам по себе: когда изменено' },
    access: { read: staffOnlyField, create: nobody, update: nobody },
    admin: { position: 'sidebar', readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
  },
]

/** Writes every change of the choice to the CMS log, beside the record kept on the upload. */
export const logPublicOnItsOwn: CollectionAfterChangeHook = ({ collection, doc, previousDoc, operation, req }) => {
  const now = Boolean(doc.publicOnItsOwn)
  const before = operation === 'create' ? false : Boolean(previousDoc?.publicOnItsOwn)
  if (now !== before) {
    req.payload.logger.info(
      { collection: collection.slug, id: doc.id, publicOnItsOwn: now, by: doc.publicOnItsOwnSetBy },
      `${collection.slug} ${doc.id} ${now ? 'made public on its own' : 'no longer public on its own'} by ${doc.publicOnItsOwnSetBy}`,
    )
  }
  return doc
}
