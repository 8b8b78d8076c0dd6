import type { CollectionConfig } from 'payload'
import { canSaveContent, isPublisher, isStaff, publishedOrStaff } from '../access/index.ts'
import { slugField } from '../fields/slug.ts'
import { guardPublication } from '../hooks/guardPublication.ts'
import { ignoreDraftsForPublic } from '../hooks/ignoreDraftsForPublic.ts'

export const PressKits: CollectionConfig = {
  slug: 'press-kits',
  labels: { singular: { en: 'Press kit', ru: 'Пресс-кит' }, plural: { en: 'Press kits', ru: 'Пресс-киты' } },
  admin: { useAsTitle: 'title', group: { en: 'Press room', ru: 'Пресс-центр' } },
  access: {
    read: publishedOrStaff,
    readVersions: isStaff,
    create: canSaveContent,
    update: canSaveContent,
    delete: isPublisher,
  },
  versions: { drafts: true, maxPerDoc: 20 },
  hooks: { beforeOperation: [guardPublication, ignoreDraftsForPublic] },
  fields: [
    { name: 'title', type: 'text', required: true, localized: true, label: { en: 'Title', ru: 'Название' } },
    { name: 'description', type: 'textarea', localized: true, label: { en: 'Description', ru: 'Описание' } },
    {
      name: 'media',
      type: 'relationship',
      relationTo: 'media',
      hasMany: true,
      label: { en: 'Images', ru: 'Изображения' },
    },
    {
      name: 'documents',
      type: 'relationship',
      relationTo: 'documents',
      hasMany: true,
      label: { en: 'Document files', ru: 'Файлы документов' },
    },
    slugField,
  ],
}
