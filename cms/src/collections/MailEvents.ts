import type { CollectionConfig } from 'payload'
import { mailGroup, readOnlyForStaff } from './mailRecords.ts'

/** Provider webhook events, each processed once (unique event id). */
export const MailEvents: CollectionConfig = {
  slug: 'mail-events',
  labels: {
    singular: { en: 'Provider event', ru: 'Событие провайдера' },
    plural: { en: 'Provider events', ru: 'События провайдера' },
  },
  admin: { group: mailGroup, useAsTitle: 'eventId', defaultColumns: ['eventId', 'type', 'processedAt', 'createdAt'] },
  access: readOnlyForStaff,
  fields: [
    {
      name: 'eventId',
      label: { en: 'Event ID', ru: 'ID события' },
      type: 'text',
      required: true,
      unique: true,
      index: true,
    },
    { name: 'type', label: { en: 'Type', ru: 'Тип' }, type: 'text', required: true },
    { name: 'providerMessageId', label: { en: 'Provider message ID', ru: 'ID письма у провайдера' }, type: 'text' },
    { name: 'processedAt', label: { en: 'Processed at', ru: 'Обработано' }, type: 'date' },
    { name: 'body', label: { en: 'Body', ru: 'Содержимое' }, type: 'json' },
  ],
}
