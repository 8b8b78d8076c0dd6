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
    { name: 'eventId', type: 'text', required: true, unique: true, index: true },
    { name: 'type', type: 'text', required: true },
    { name: 'providerMessageId', type: 'text' },
    { name: 'processedAt', type: 'date' },
    { name: 'body', type: 'json' },
  ],
}
