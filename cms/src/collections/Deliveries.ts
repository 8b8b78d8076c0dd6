import type { CollectionConfig } from 'payload'
import { labelledOptions, statusWords } from '../fields/statusOptions.ts'
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
    {
      name: 'send',
      label: { en: 'Send', ru: 'Отправка' },
      type: 'relationship',
      relationTo: 'sends',
      required: true,
      index: true,
    },
    {
      name: 'recipient',
      label: { en: 'Recipient', ru: 'Получатель' },
      type: 'text',
      required: true,
      admin: {
        description: {
          en: 'Who this is for, e.g. subscriber:12 (unique within the send).',
          ru: 'Кому это письмо, например subscriber:12 (один раз в отправке).',
        },
      },
    },
    { name: 'email', label: { en: 'E-mail address', ru: 'Адрес эл. почты' }, type: 'text', required: true },
    {
      name: 'subscriber',
      label: { en: 'Subscriber', ru: 'Подписчик' },
      type: 'relationship',
      relationTo: 'subscribers',
      index: true,
    },
    {
      name: 'status',
      label: { en: 'Status', ru: 'Состояние' },
      type: 'select',
      required: true,
      defaultValue: 'planned',
      options: labelledOptions(deliveryStatuses, statusWords),
      index: true,
    },
    {
      name: 'batch',
      label: { en: 'Batch', ru: 'Пакет' },
      type: 'relationship',
      relationTo: 'mail-batches',
      index: true,
    },
    { name: 'variables', label: { en: 'Variables', ru: 'Переменные' }, type: 'json', admin: { readOnly: true } },
    {
      name: 'payload',
      label: { en: 'Message as sent', ru: 'Письмо в отправленном виде' },
      type: 'code',
      admin: {
        language: 'json',
        readOnly: true,
        description: {
          en: 'The exact message given to the provider.',
          ru: 'Письмо ровно в том виде, в каком оно передано провайдеру.',
        },
      },
    },
    {
      name: 'providerMessageId',
      label: { en: 'Provider message ID', ru: 'ID письма у провайдера' },
      type: 'text',
      index: true,
    },
    { name: 'attempts', label: { en: 'Attempts', ru: 'Попытки' }, type: 'number', defaultValue: 0 },
    { name: 'error', label: { en: 'Error', ru: 'Ошибка' }, type: 'text' },
  ],
}
