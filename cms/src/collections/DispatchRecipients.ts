import type { CollectionConfig } from 'payload'
import { isPublisher } from '../access/index.ts'
import { acknowledgementLinkField } from '../notices/acknowledgement/field.ts'
import { deliveryChannels, dispatchRecipientStatuses, languageOptions } from '../notices/directory.ts'
import { dispatchRecipientEndpoints } from '../notices/dispatch/recipientEndpoints.ts'
import { noticesGroup } from './Recipients.ts'

const never = () => false
const timestamp = (name: string, label: { en: string; ru: string }) =>
  ({
    name,
    type: 'date',
    label,
    admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
  }) as const

/**
 * The dispatch log: one row per dispatch and recipient (a unique index makes a second row
 * impossible). Rows are written only by the server (planning, sending, acknowledgement, manual
 * records), never through the API; staff read them.
 */
export const DispatchRecipients: CollectionConfig = {
  slug: 'dispatch-recipients',
  labels: {
    singular: { en: 'Dispatch log entry', ru: 'Запись журнала рассылки' },
    plural: { en: 'Dispatch log', ru: 'Журнал рассылок' },
  },
  admin: {
    useAsTitle: 'recipientName',
    defaultColumns: ['recipientName', 'notice', 'channel', 'language', 'status', 'sentAt', 'acknowledgedAt'],
    group: noticesGroup,
  },
  access: { read: isPublisher, create: never, update: never, delete: never },
  indexes: [{ fields: ['dispatch', 'recipient'], unique: true }],
  endpoints: dispatchRecipientEndpoints,
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'dispatch',
          label: { en: 'Dispatch', ru: 'Рассылка' },
          type: 'relationship',
          relationTo: 'dispatches',
          required: true,
          index: true,
        },
        {
          name: 'notice',
          label: { en: 'Notice', ru: 'Уведомление' },
          type: 'relationship',
          relationTo: 'notices',
          required: true,
          index: true,
        },
        {
          name: 'recipient',
          label: { en: 'Recipient', ru: 'Получатель' },
          type: 'relationship',
          relationTo: 'recipients',
          required: true,
          index: true,
        },
      ],
    },
    {
      name: 'recipientName',
      type: 'text',
      label: { en: 'Recipient (as sent)', ru: 'Получатель (при отправке)' },
    },
    {
      name: 'emailAddresses',
      type: 'text',
      hasMany: true,
      label: { en: 'E-mail addresses (as sent)', ru: 'Адреса (при отправке)' },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'channel',
          type: 'select',
          required: true,
          options: deliveryChannels.map((c) => ({ value: c.value, label: c.label })),
          label: { en: 'Channel', ru: 'Канал' },
        },
        {
          name: 'language',
          type: 'select',
          required: true,
          options: [...languageOptions],
          label: { en: 'Language', ru: 'Язык' },
        },
        {
          name: 'status',
          type: 'select',
          required: true,
          defaultValue: 'queued',
          index: true,
          options: dispatchRecipientStatuses.map((s) => ({ value: s.value, label: s.label })),
          label: { en: 'Status', ru: 'Статус' },
        },
      ],
    },
    {
      name: 'attempt',
      type: 'number',
      required: true,
      defaultValue: 1,
      min: 1,
      label: { en: 'Attempt', ru: 'Попытка' },
      admin: {
        description: {
          en: 'Raised by each re-send; the e-mail idempotency key includes it.',
          ru: 'Увеличивается при каждой повторной отправке; входит в ключ идемпотентности письма.',
        },
      },
    },
    timestamp('queuedAt', { en: 'Queued at', ru: 'Поставлено в очередь' }),
    timestamp('sentAt', { en: 'Sent at', ru: 'Отправлено' }),
    timestamp('deliveredAt', { en: 'Delivered at', ru: 'Доставлено' }),
    timestamp('bouncedAt', { en: 'Bounced at', ru: 'Возврат' }),
    { name: 'bounceReason', type: 'text', label: { en: 'Bounce reason', ru: 'Причина возврата' } },
    timestamp('manualAt', { en: 'Delivered by staff on', ru: 'Доставлено сотрудниками' }),
    timestamp('acknowledgedAt', { en: 'Receipt acknowledged at', ru: 'Получение подтверждено' }),
    {
      name: 'mailDeliveryKey',
      type: 'text',
      index: true,
      label: { en: 'E-mail delivery key', ru: 'Ключ доставки письма' },
      admin: {
        description: {
          en: 'Identifies the e-mail in the delivery core (one per dispatch, recipient and attempt).',
          ru: 'Идентифицирует письмо в службе доставки (одно на рассылку, получателя и попытку).',
        },
      },
    },
    acknowledgementLinkField,
    {
      name: 'resends',
      type: 'array',
      label: { en: 'Re-sends requested by staff', ru: 'Повторные отправки' },
      admin: { readOnly: true },
      fields: [
        {
          name: 'requestedAt',
          label: { en: 'Requested at', ru: 'Запрошено' },
          type: 'date',
          required: true,
          admin: { date: { pickerAppearance: 'dayAndTime' } },
        },
        {
          name: 'requestedBy',
          label: { en: 'Requested by', ru: 'Запросил' },
          type: 'relationship',
          relationTo: 'users',
        },
        { name: 'attempt', label: { en: 'Attempt', ru: 'Попытка' }, type: 'number', required: true },
        { name: 'reason', label: { en: 'Reason', ru: 'Причина' }, type: 'text', required: true },
      ],
    },
    {
      name: 'manualRecords',
      type: 'join',
      collection: 'dispatch-manual-records',
      on: 'dispatchRecipient',
      label: { en: 'Recorded by staff', ru: 'Записи сотрудников' },
    },
  ],
}
