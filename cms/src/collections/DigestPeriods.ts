import type { CollectionConfig } from 'payload'
import { mailGroup, readOnlyForStaff } from './mailRecords.ts'

/**
 * The digest periods planned so far (subscriptions/digests/, docs/adr/0046): each starts where the
 * previous one of its kind ended, so every release falls in exactly one. `planning` means its
 * sends are being planned; a run cut short (a crash) is finished by the next one.
 */
export const DigestPeriods: CollectionConfig = {
  slug: 'digest-periods',
  labels: {
    singular: { en: 'Digest period', ru: 'Период сводки' },
    plural: { en: 'Digest periods', ru: 'Периоды сводок' },
  },
  admin: { group: mailGroup, useAsTitle: 'key', defaultColumns: ['key', 'start', 'end', 'status'] },
  access: readOnlyForStaff,
  fields: [
    { name: 'key', type: 'text', required: true, unique: true, index: true, label: { en: 'Period', ru: 'Период' } },
    {
      name: 'kind',
      type: 'select',
      required: true,
      index: true,
      options: [
        { value: 'daily', label: { en: 'Daily', ru: 'Ежедневная' } },
        { value: 'weekly', label: { en: 'Weekly', ru: 'Еженедельная' } },
      ],
      label: { en: 'Digest', ru: 'Сводка' },
    },
    {
      name: 'start',
      type: 'date',
      required: true,
      label: { en: 'From (inclusive)', ru: 'С (включительно)' },
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'end',
      type: 'date',
      required: true,
      index: true,
      label: { en: 'To (exclusive)', ru: 'По (не включая)' },
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'planning',
      options: [
        { value: 'planning', label: { en: 'Being planned', ru: 'Планируется' } },
        { value: 'planned', label: { en: 'Planned', ru: 'Запланирована' } },
      ],
      label: { en: 'Status', ru: 'Состояние' },
    },
    { name: 'planned', type: 'number', label: { en: 'E-mails planned', ru: 'Писем запланировано' } },
  ],
}
