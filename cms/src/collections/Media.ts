import path from 'node:path'
import type { CollectionConfig } from 'payload'
import { isPublisher, isStaff, staffOnlyField } from '../access/index.ts'
import { publicUploadsOrStaff } from '../access/uploadVisibility.ts'
import { logPublicOnItsOwn, publicOnItsOwnFields } from '../fields/publicOnItsOwn.ts'
import { guardPublicUpload } from '../hooks/guardPublicUpload.ts'
import { checkImageDimensions, limitUploadSize } from '../hooks/limitUpload.ts'
import {
  keepMetadataField,
  recordPreparedSize,
  storePreparedOriginal,
  stripUploadedPhoto,
} from '../photoMetadata/index.ts'
import { uploadRoot } from './uploadRoot.ts'

/** Raster images only: SVG can carry script, and a press photo is never vector. */
export const imageMimeTypes = ['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/gif']

const jpeg = { format: 'jpeg', options: { quality: 82, progressive: true } } as const
const webp = { format: 'webp', options: { quality: 80 } } as const

export const Media: CollectionConfig = {
  slug: 'media',
  labels: { singular: { en: 'Image', ru: 'Изображение' }, plural: { en: 'Media', ru: 'Медиа' } },
  admin: { useAsTitle: 'filename', group: { en: 'Press room', ru: 'Пресс-центр' } },
  // Public only while something public uses it, or an editor says so (docs/adr/0022).
  access: { read: publicUploadsOrStaff('media'), create: isStaff, update: isStaff, delete: isPublisher },
  hooks: {
    // Refusals first; only an upload that may go ahead is re-encoded without its metadata (ADR 0023).
    beforeOperation: [limitUploadSize, checkImageDimensions, guardPublicUpload, stripUploadedPhoto],
    beforeChange: [recordPreparedSize],
    afterChange: [logPublicOnItsOwn, storePreparedOriginal],
  },
  upload: {
    staticDir: path.join(uploadRoot, 'media'),
    mimeTypes: imageMimeTypes,
    // The original is the upload without its location, camera and owner data (stripUploadedPhoto,
    // ADR 0023), at full resolution: press kits offer it as the high-resolution download. Web
    // sizes are JPEG and WebP; without `withMetadata` sharp writes none into them.
    imageSizes: [
      { name: 'thumbnail', width: 400, height: 300, position: 'centre' },
      { name: 'web', width: 1200, withoutEnlargement: true, formatOptions: jpeg },
      { name: 'webWebp', width: 1200, withoutEnlargement: true, formatOptions: webp },
      { name: 'large', width: 2400, withoutEnlargement: true, formatOptions: jpeg },
      { name: 'largeWebp', width: 2400, withoutEnlargement: true, formatOptions: webp },
    ],
    adminThumbnail: 'thumbnail',
    focalPoint: true,
  },
  fields: [
    {
      name: 'alt',
      type: 'text',
      localized: true,
      required: true,
      label: { en: 'Alternative text', ru: 'Альтернативный текст' },
      admin: {
        description: {
          en: 'What the image shows, for readers who cannot see it.',
          ru: 'Что изображено — для тех, кто не видит изображение.',
        },
      },
    },
    { name: 'caption', type: 'textarea', localized: true, label: { en: 'Caption', ru: 'Подпись' } },
    { name: 'credit', type: 'text', label: { en: 'Credit', ru: 'Автор / источник' } },
    { name: 'licence', type: 'text', label: { en: 'Licence', ru: 'Лицензия' } },
    {
      name: 'consentNote',
      type: 'textarea',
      label: { en: 'Consent note', ru: 'Согласие изображённых' },
      access: { read: staffOnlyField },
      admin: {
        description: {
          en: 'Who consented to publication, when and how; or why consent is not needed.',
          ru: 'Кто дал согласие на публикацию, когда и как; или почему согласие не требуется.',
        },
      },
    },
    ...publicOnItsOwnFields,
    keepMetadataField,
  ],
}
