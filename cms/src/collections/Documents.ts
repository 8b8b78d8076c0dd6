import path from 'node:path'
import type { CollectionConfig } from 'payload'
import { isPublisher, isStaff } from '../access/index.ts'
import { publicUploadsOrStaff } from '../access/uploadVisibility.ts'
import { logPublicOnItsOwn, publicOnItsOwnFields } from '../fields/publicOnItsOwn.ts'
import { guardPublicUpload } from '../hooks/guardPublicUpload.ts'
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
  // Public only while something public uses it, or an editor says so (docs/adr/0022).
  access: { read: publicUploadsOrStaff('documents'), create: isStaff, update: isStaff, delete: isPublisher },
  hooks: { beforeOperation: [limitUploadSize, guardPublicUpload], afterChange: [logPublicOnItsOwn] },
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
    ...publicOnItsOwnFields,
  ],
}
