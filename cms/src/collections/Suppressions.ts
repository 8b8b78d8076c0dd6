import type { CollectionConfig } from 'payload'
import { isPublisher } from '../access/index.ts'
import { mailGroup, nobody } from './mailRecords.ts'

/** Addresses that must never be mailed again (permanent bounces, complaints, erasure requests). */
export const Suppressions: CollectionConfig = {
  slug: 'suppressions',
  labels: {
    singular: { en: 'Suppressed address', ru: 'Заблокированный адрес' },
    plural: { en: 'Suppression list', ru: 'Список блокировки' },
  },
  admin: { group: mailGroup, useAsTitle: 'email', defaultColumns: ['email', 'reason', 'createdAt'] },
  access: { read: isPublisher, create: isPublisher, update: nobody, delete: isPublisher },
  fields: [
    { name: 'email', type: 'text', required: true, unique: true, index: true },
    {
      name: 'reason',
      type: 'select',
      required: true,
      options: ['bounced', 'complained', 'manual'],
    },
    { name: 'detail', type: 'text' },
  ],
}
