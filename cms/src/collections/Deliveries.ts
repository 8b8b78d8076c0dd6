import type { CollectionConfig } from 'payload'
import { deliveryStatuses } from '../mail/deliveryStatus.ts'
import { mailGroup, readOnlyForStaff } from './mailRecords.ts'

/** One row per recipient per send, unique; its status, stored payload and provider message id. */
export const Deliveries: CollectionConfig = {
  slug: 'deliveries',
  labels: { singular: { en: 'Delivery', ru: 'Доставка' }, plural: { en: 'Deliveries', ru: 'Доставки' } },
  admin: {
    group: mailGroup,
    useAsTitle: 'email',
    defaultColumns: ['email', 'send', 'status', 'attempts', 'updatedAt'],
  },
  access: readOnlyForStaff,
  indexes: [{ fields: ['send', 'recipient'], unique: true }, { fields: ['send', 'status'] }],
  fields: [
    { name: 'send', type: 'relationship', relationTo: 'sends', required: true, index: true },
    {
      name: 'recipient',
      type: 'text',
      required: true,
      admin: { description: 'Who this is for, e.g. subscriber:12 (unique within the send).' },
    },
    { name: 'email', type: 'text', required: true },
    { name: 'subscriber', type: 'relationship', relationTo: 'subscribers', index: true },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'planned',
      options: [...deliveryStatuses],
      index: true,
    },
    { name: 'batch', type: 'relationship', relationTo: 'mail-batches', index: true },
    { name: 'variables', type: 'json', admin: { readOnly: true } },
    {
      name: 'payload',
      type: 'code',
      admin: { language: 'json', readOnly: true, description: 'The exact message given to the provider.' },
    },
    { name: 'providerMessageId', type: 'text', index: true },
    { name: 'attempts', type: 'number', defaultValue: 0 },
    { name: 'error', type: 'text' },
  ],
}
