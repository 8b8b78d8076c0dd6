import path from 'node:path'
import type { CollectionConfig } from 'payload'
import { isAdmin, isPublisher } from '../access/index.ts'
import { limitUploadSize } from '../hooks/limitUpload.ts'
import { noticesGroup } from './Recipients.ts'
import { uploadRoot } from './uploadRoot.ts'

/**
 * Scans and photos that prove a notice was posted, handed over or faxed. Private: the files are
 * served only through Payload's file route, which applies the read access below; nothing else
 * serves the upload folder.
 */
export const DispatchProofs: CollectionConfig = {
  slug: 'dispatch-proofs',
  labels: {
    singular: { en: 'Dispatch proof', ru: 'Подтверждение отправки' },
    plural: { en: 'Dispatch proofs', ru: 'Подтверждения отправки' },
  },
  admin: { useAsTitle: 'filename', group: noticesGroup },
  access: { read: isPublisher, create: isPublisher, update: isPublisher, delete: isAdmin },
  hooks: { beforeOperation: [limitUploadSize] },
  upload: {
    staticDir: path.join(uploadRoot, 'dispatch-proofs'),
    mimeTypes: ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'],
  },
  fields: [
    {
      name: 'description',
      type: 'text',
      label: { en: 'What it shows', ru: 'Что это' },
      admin: { description: { en: 'E.g. "Post receipt RR123456785RU".', ru: 'Например, «Квитанция RR123456785RU».' } },
    },
  ],
}
