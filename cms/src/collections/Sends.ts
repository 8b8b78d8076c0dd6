import type { CollectionConfig, Field } from 'payload'
import { isPublisher } from '../access/index.ts'
import { labelledOptions, statusWords } from '../fields/statusOptions.ts'
import { mailGroup, nobody } from './mailRecords.ts'

const counter = (name: string, en: string, ru: string) => ({
  name,
  type: 'number' as const,
  defaultValue: 0,
  label: { en, ru },
  admin: { readOnly: true, width: '16%' },
})

/** Through the API and the admin only `paused` may change; everything else is the core's. */
function lockedExceptPaused(field: Field): Field {
  if (field.type === 'row') return { ...field, fields: field.fields.map(lockedExceptPaused) }
  if ('name' in field && field.name !== 'paused' && field.type !== 'ui') {
    return { ...field, access: { ...field.access, update: nobody } } as Field
  }
  return field
}

/**
 * One send: one message (with per-recipient variables) to a list of recipients, e.g. one
 * publication in one language to its subscribers. `key` makes planning idempotent.
 */
export const Sends: CollectionConfig = {
  slug: 'sends',
  labels: { singular: { en: 'Send', ru: 'Отправка' }, plural: { en: 'Sends', ru: 'Отправки' } },
  admin: {
    group: mailGroup,
    useAsTitle: 'label',
    defaultColumns: [
      'label',
      'status',
      'holdUntil',
      'paused',
      'planned',
      'sent',
      'delivered',
      'bounced',
      'complained',
      'createdAt',
    ],
    description: {
      en: 'Counters are updated as batches go out and the provider reports back. Tick "Paused" to hold a send. A send that stays "sending" may have a batch waiting for your decision under Batches.',
      ru: 'Счётчики обновляются по мере отправки и отчётов провайдера. «Приостановлено» задерживает отправку. Если отправка долго остаётся в состоянии «sending», возможно, её пакет ждёт вашего решения в разделе «Пакеты».',
    },
  },
  access: { read: isPublisher, create: nobody, update: isPublisher, delete: nobody },
  fields: (
    [
      {
        name: 'key',
        label: { en: 'Key', ru: 'Ключ' },
        type: 'text',
        required: true,
        unique: true,
        index: true,
        admin: { readOnly: true },
      },
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
        options: labelledOptions(['planning', 'sending', 'done', 'cancelled'] as const, statusWords),
        admin: { readOnly: true, position: 'sidebar' },
        label: { en: 'Status', ru: 'Состояние' },
      },
      {
        name: 'holdUntil',
        type: 'date',
        index: true,
        label: { en: 'Goes at', ru: 'Уходит в' },
        admin: {
          readOnly: true,
          position: 'sidebar',
          date: { pickerAppearance: 'dayAndTime' },
          description: {
            en: 'The grace period: nothing is sent before this instant, and until then the send can be cancelled (docs/adr/0039).',
            ru: 'Время на отмену: до этого момента ничего не отправляется и отправку можно отменить.',
          },
        },
      },
      {
        // Set by the feature that planned the send (a publication waits for its page, docs/adr/0044);
        // the core claims nothing of the send until that feature clears it (mail/waitingSends.ts).
        name: 'waitingFor',
        type: 'text',
        index: true,
        label: { en: 'Waits for', ru: 'Ждёт' },
        admin: {
          readOnly: true,
          position: 'sidebar',
          description: {
            en: '"site": the e-mail goes only once the page it links to is live on the public site (docs/adr/0044).',
            ru: '«site»: письмо уходит, только когда страница, на которую оно ссылается, появилась на публичном сайте.',
          },
        },
      },
      {
        name: 'waitingSince',
        type: 'date',
        label: { en: 'Waits for a change made at', ru: 'Ждёт изменения, сделанного в' },
        admin: { readOnly: true, position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
      },
      {
        name: 'cancelledAt',
        type: 'date',
        label: { en: 'Cancelled at', ru: 'Отменено в' },
        admin: { readOnly: true, position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
      },
      {
        name: 'cancelledBy',
        type: 'relationship',
        relationTo: 'users',
        label: { en: 'Cancelled by', ru: 'Кто отменил' },
        admin: { readOnly: true, position: 'sidebar' },
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
