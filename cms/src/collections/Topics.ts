import type { CollectionConfig } from 'payload'
import { anyone, isPublisher, isStaff } from '../access/index.ts'
import { slugField } from '../fields/slug.ts'

export const Topics: CollectionConfig = {
  slug: 'topics',
  labels: { singular: { en: 'Topic', ru: 'Тема' }, plural: { en: 'Topics', ru: 'Темы' } },
  admin: { useAsTitle: 'title', group: { en: 'Publications', ru: 'Публикации' } },
  access: { read: anyone, create: isStaff, update: isStaff, delete: isPublisher },
  fields: [
    { name: 'title', type: 'text', required: true, localized: true, label: { en: 'Name', ru: 'Название' } },
    { name: 'description', type: 'textarea', localized: true, label: { en: 'Description', ru: 'Описание' } },
    slugField,
  ],
}
