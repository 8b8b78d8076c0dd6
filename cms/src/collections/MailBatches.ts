import type { CollectionConfig } from 'payload'
import { labelledOptions, statusWords } from '../fields/statusOptions.ts'
import { batchEndpoints } from '../mail/batchEndpoints.ts'
import { mailGroup, readOnlyForStaff } from './mailRecords.ts'

/**
 * A batch of ≤ 100 deliveries claimed by one worker at a time (lease); the idempotency key is
 * derived from it. A batch held past the provider's idempotency window waits here for staff
 * (docs/adr/0028); only the decision endpoints change it.
 */
export const MailBatches: CollectionConfig = {
  slug: 'mail-batches',
  labels: { singular: { en: 'Batch', ru: 'Пакет' }, plural: { en: 'Batches', ru: 'Пакеты' } },
  admin: {
    group: mailGroup,
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
    {
      name: 'send',
      label: { en: 'Send', ru: 'Отправка' },
      type: 'relationship',
      relationTo: 'sends',
      required: true,
      index: true,
    },
    {
      name: 'status',
      label: { en: 'Status', ru: 'Состояние' },
      type: 'select',
      required: true,
      defaultValue: 'open',
      options: [
        ...labelledOptions(['open', 'prepared', 'sent', 'failed', 'empty'] as const, statusWords),
        { value: 'held', label: { en: 'Waiting for staff', ru: 'Ждёт решения' } },
      ],
      index: true,
    },
    { name: 'leaseOwner', label: { en: 'Taken by process', ru: 'Взят процессом' }, type: 'text' },
    { name: 'leaseUntil', label: { en: 'Taken until', ru: 'Взят до' }, type: 'date', index: true },
    { name: 'attempts', label: { en: 'Attempts', ru: 'Попытки' }, type: 'number', defaultValue: 0 },
    { name: 'idempotencyKey', label: { en: 'Idempotency key', ru: 'Ключ идемпотентности' }, type: 'text' },
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
