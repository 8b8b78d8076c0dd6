import type { CollectionConfig } from 'payload'
import { isPublisher } from '../access/index.ts'
import { labelledOptions, statusWords } from '../fields/statusOptions.ts'
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
    {
      name: 'email',
      label: { en: 'E-mail address', ru: 'Адрес эл. почты' },
      type: 'text',
      required: true,
      unique: true,
      index: true,
    },
    {
      name: 'reason',
      label: { en: 'Reason', ru: 'Причина' },
      type: 'select',
      required: true,
      options: labelledOptions(['bounced', 'complained', 'manual'] as const, statusWords),
    },
    { name: 'detail', label: { en: 'Detail', ru: 'Подробности' }, type: 'text' },
  ],
}
