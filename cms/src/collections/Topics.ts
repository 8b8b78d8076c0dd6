import type { CollectionConfig } from 'payload'
import { anyone, isPublisher } from '../access/index.ts'
import { slugField } from '../fields/slug.ts'

export const Topics: CollectionConfig = {
  slug: 'topics',
  labels: { singular: { en: 'Topic', ru: 'Тема' }, plural: { en: 'Topics', ru: 'Темы' } },
  admin: { useAsTitle: 'title', group: { en: 'Publications', ru: 'Публикации' } },
  // Topics have no drafts: every change is public at once, so only publishers make it (ADR 0024).
  access: { read: anyone, create: isPublisher, update: isPublisher, delete: isPublisher },
  fields: [
    { name: 'title', type: 'text', required: true, localized: true, label: { en: 'Name', ru: 'Название' } },
    { name: 'description', type: 'textarea', localized: true, label: { en: 'Description', ru: 'Описание' } },
    slugField,
  ],
}
