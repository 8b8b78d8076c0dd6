import type { CollectionConfig, Field } from 'payload'
import { isPublisher } from '../access/index.ts'
import { batchEndpoints } from './batchEndpoints.ts'

const group = { en: 'E-mail', ru: 'Рассылка' }
const nobody = () => false

/** Rows of the delivery core are written by the core itself (SQL and Local API), never through the API; only admins and editors read them (they hold addresses). */
const readOnlyForStaff = { read: isPublisher, create: nobody, update: nobody, delete: nobody }

export const deliveryStatuses = [
  'planned',
  'batched',
  'queued',
  'sent',
  'delivered',
  'bounced',
  'complained',
  'failed',
  'cancelled',
] as const
export type DeliveryStatus = (typeof deliveryStatuses)[number]

const counter = (name: string, en: string, ru: string) => ({
  name,
  type: 'number' as const,
  defaultValue: 0,
  label: { en, ru },
  admin: { readOnly: true, width: '16%' },
})

/**
 * One send: one message (with per-recipient variables) to a list of recipients, e.g. one
 * publication in one language to its subscribers. `key` makes planning idempotent.
 */
/** Through the API and the admin only `paused` may change; everything else is the core's. */
function lockedExceptPaused(field: Field): Field {
  if (field.type === 'row') return { ...field, fields: field.fields.map(lockedExceptPaused) }
  if ('name' in field && field.name !== 'paused' && field.type !== 'ui') {
    return { ...field, access: { ...field.access, update: nobody } } as Field
  }
  return field
}

export const Sends: CollectionConfig = {
  slug: 'sends',
  labels: { singular: { en: 'Send', ru: 'Отправка' }, plural: { en: 'Sends', ru: 'Отправки' } },
  admin: {
    group,
    useAsTitle: 'label',
    defaultColumns: ['label', 'status', 'paused', 'planned', 'sent', 'delivered', 'bounced', 'complained', 'createdAt'],
    description: {
      en: 'Counters are updated as batches go out and the provider reports back. Tick "Paused" to hold a send. A send that stays "sending" may have a batch waiting for your decision under Batches.',
      ru: 'Счётчики обновляются по мере отправки и отчётов провайдера. «Приостановлено» задерживает отправку. Если отправка долго остаётся в состоянии «sending», возможно, её пакет ждёт вашего решения в разделе «Пакеты».',
    },
  },
  access: { read: isPublisher, create: nobody, update: isPublisher, delete: nobody },
  fields: (
    [
      { name: 'key', type: 'text', required: true, unique: true, index: true, admin: { readOnly: true } },
      { name: 'label', type: 'text', required: true, admin: { readOnly: true }, label: { en: 'What', ru: 'Что' } },
      {
        name: 'purpose',
        type: 'text',
        required: true,
        admin: { readOnly: true, position: 'sidebar' },
        label: { en: 'Purpose', ru: 'Назначение' },
      },
      {
        name: 'status',
        type: 'select',
        required: true,
        defaultValue: 'planning',
        options: ['planning', 'sending', 'done'],
        admin: { readOnly: true, position: 'sidebar' },
        label: { en: 'Status', ru: 'Состояние' },
      },
      {
        name: 'paused',
        type: 'checkbox',
        defaultValue: false,
        label: { en: 'Paused', ru: 'Приостановлено' },
        admin: { position: 'sidebar' },
      },
      {
        type: 'row',
        fields: [
          counter('planned', 'Planned', 'Запланировано'),
          counter('sent', 'Sent', 'Отправлено'),
          counter('delivered', 'Delivered', 'Доставлено'),
          counter('bounced', 'Bounced', 'Отказы'),
          counter('complained', 'Complaints', 'Жалобы'),
          counter('failed', 'Failed', 'Ошибки'),
          counter('cancelled', 'Cancelled', 'Отменено'),
        ],
      },
      {
        name: 'message',
        type: 'json',
        required: true,
        label: { en: 'Message template (frozen when planned)', ru: 'Шаблон письма (зафиксирован при планировании)' },
        admin: { readOnly: true },
      },
      {
        name: 'source',
        type: 'json',
        admin: { readOnly: true },
        label: { en: 'Source (what this send is about)', ru: 'Источник' },
      },
    ] as Field[]
  ).map(lockedExceptPaused),
}

/** One row per recipient per send, unique; its status, stored payload and provider message id. */
export const Deliveries: CollectionConfig = {
  slug: 'deliveries',
  labels: { singular: { en: 'Delivery', ru: 'Доставка' }, plural: { en: 'Deliveries', ru: 'Доставки' } },
  admin: {
    group,
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

/**
 * A batch of ≤ 100 deliveries claimed by one worker at a time (lease); the idempotency key is
 * derived from it. A batch held past the provider's idempotency window waits here for staff
 * (docs/adr/0028); only the decision endpoints change it.
 */
export const MailBatches: CollectionConfig = {
  slug: 'mail-batches',
  labels: { singular: { en: 'Batch', ru: 'Пакет' }, plural: { en: 'Batches', ru: 'Пакеты' } },
  admin: {
    group,
    defaultColumns: ['id', 'send', 'status', 'messages', 'firstAttemptAt', 'error', 'updatedAt'],
    description: {
      en: 'Batches of up to 100 messages handed to the provider. One "Waiting for staff" was sent more than 24 hours ago without an answer: open it and decide.',
      ru: 'Пакеты до 100 писем, переданные провайдеру. Пакет «Ждёт решения» был отправлен больше суток назад без ответа: откройте его и решите.',
    },
  },
  access: readOnlyForStaff,
  endpoints: batchEndpoints,
  fields: [
    {
      name: 'decide',
      type: 'ui',
      admin: { components: { Field: '/components/HeldBatchDecision.tsx#HeldBatchDecision' } },
    },
    { name: 'send', type: 'relationship', relationTo: 'sends', required: true, index: true },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'open',
      options: [
        'open',
        'prepared',
        'sent',
        'failed',
        'empty',
        { value: 'held', label: { en: 'Waiting for staff', ru: 'Ждёт решения' } },
      ],
      index: true,
    },
    { name: 'leaseOwner', type: 'text' },
    { name: 'leaseUntil', type: 'date', index: true },
    { name: 'attempts', type: 'number', defaultValue: 0 },
    { name: 'idempotencyKey', type: 'text' },
    {
      name: 'firstAttemptAt',
      type: 'date',
      label: { en: 'First sent to the provider', ru: 'Впервые передан провайдеру' },
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'messages',
      type: 'number',
      label: { en: 'Messages waiting', ru: 'Писем ждут' },
    },
    { name: 'error', type: 'text', label: { en: 'Last error', ru: 'Последняя ошибка' } },
    {
      name: 'decision',
      type: 'select',
      options: [
        { value: 'send-anyway', label: { en: 'Send anyway', ru: 'Отправить всё равно' } },
        { value: 'give-up', label: { en: 'Give up', ru: 'Не отправлять' } },
      ],
      label: { en: 'Staff decision', ru: 'Решение сотрудника' },
    },
    { name: 'decidedBy', type: 'relationship', relationTo: 'users', label: { en: 'Decided by', ru: 'Решил' } },
    { name: 'decidedAt', type: 'date', label: { en: 'Decided at', ru: 'Когда решено' } },
  ],
}

/** Provider webhook events, each processed once (unique event id). */
export const MailEvents: CollectionConfig = {
  slug: 'mail-events',
  labels: {
    singular: { en: 'Provider event', ru: 'Событие провайдера' },
    plural: { en: 'Provider events', ru: 'События провайдера' },
  },
  admin: { group, useAsTitle: 'eventId', defaultColumns: ['eventId', 'type', 'processedAt', 'createdAt'] },
  access: readOnlyForStaff,
  fields: [
    { name: 'eventId', type: 'text', required: true, unique: true, index: true },
    { name: 'type', type: 'text', required: true },
    { name: 'providerMessageId', type: 'text' },
    { name: 'processedAt', type: 'date' },
    { name: 'body', type: 'json' },
  ],
}

/** Addresses that must never be mailed again (permanent bounces, complaints, erasure requests). */
export const Suppressions: CollectionConfig = {
  slug: 'suppressions',
  labels: {
    singular: { en: 'Suppressed address', ru: 'Заблокированный адрес' },
    plural: { en: 'Suppression list', ru: 'Список блокировки' },
  },
  admin: { group, useAsTitle: 'email', defaultColumns: ['email', 'reason', 'createdAt'] },
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
