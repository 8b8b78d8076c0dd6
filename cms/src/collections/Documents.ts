import path from 'node:path'
import type { CollectionConfig } from 'payload'
import { anyone, isPublisher, isStaff } from '../access/index.ts'
import { limitUploadSize } from '../hooks/limitUpload.ts'
import { uploadRoot } from './uploadRoot.ts'

export const documentMimeTypes = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.oasis.opendocument.text',
  'application/msword',
  'text/plain',
  'text/csv',
]

export const Documents: CollectionConfig = {
  slug: 'documents',
  labels: {
    singular: { en: 'Document file', ru: 'Файл документа' },
    plural: { en: 'Document files', ru: 'Файлы документов' },
  },
  admin: { useAsTitle: 'title', group: { en: 'Press room', ru: 'Пресс-центр' } },
  access: { read: anyone, create: isStaff, update: isStaff, delete: isPublisher },
  hooks: { beforeOperation: [limitUploadSize] },
  upload: {
    staticDir: path.join(uploadRoot, 'documents'),
    mimeTypes: documentMimeTypes,
  },
  fields: [
    { name: 'title', type: 'text', required: true, localized: true, label: { en: 'Title', ru: 'Название' } },
    { name: 'description', type: 'textarea', localized: true, label: { en: 'Description', ru: 'Описание' } },
    {
      name: 'language',
      type: 'select',
      options: [
        { value: 'en', label: 'English' },
        { value: 'ru', label: 'Русский' },
        { value: 'multi', label: { en: 'Several languages', ru: 'Несколько языков' } },
      ],
      label: { en: 'Language of the file', ru: 'Язык файла' },
    },
  ],
}
