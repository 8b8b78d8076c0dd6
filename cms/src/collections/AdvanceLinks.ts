import { locales } from '@pressroom/shared'
import type { CollectionConfig, Field } from 'payload'
import { isPublisher, isPublisherField } from '../access/index.ts'
import { journalistsGroup } from './Journalists.ts'
import { nobody } from './mailRecords.ts'

const readOnly = (field: Field): Field =>
  ({ ...field, access: { update: nobody }, admin: { ...field.admin, readOnly: true } }) as Field

const counter = (name: string, en: string, ru: string): Field => ({
  name,
  type: 'number',
  defaultValue: 0,
  label: { en, ru },
})

const instant = (name: string, en: string, ru: string): Field => ({
  name,
  type: 'date',
  label: { en, ru },
  admin: { date: { pickerAppearance: 'dayAndTime' } },
})

/**
 * One recipient of an advance send: their private link and its log (docs/adr/0043). The link's
 * token is signed over this row's id and creation time; ticking "Revoked" closes it alone.
 */
export const AdvanceLinks: CollectionConfig = {
  slug: 'advance-links',
  labels: {
    singular: { en: 'Advance link', ru: 'Ссылка до эмбарго' },
    plural: { en: 'Advance links (log)', ru: 'Ссылки до эмбарго (журнал)' },
  },
  admin: {
    useAsTitle: 'email',
    defaultColumns: [
      'email',
      'send',
      'sentAt',
      'firstOpenedAt',
      'lastOpenedAt',
      'opens',
      'pdfDownloads',
      'kitDownloads',
      'revoked',
    ],
    group: journalistsGroup,
  },
  access: { read: isPublisher, create: nobody, update: isPublisher, delete: nobody },
  fields: [
    ...(
      [
        {
          name: 'send',
          type: 'relationship',
          relationTo: 'advance-sends',
          required: true,
          index: true,
          label: { en: 'Advance send', ru: 'Рассылка' },
        },
        {
          name: 'journalist',
          type: 'relationship',
          relationTo: 'journalists',
          required: true,
          index: true,
          label: { en: 'Journalist', ru: 'Журналист' },
        },
        { name: 'email', type: 'text', required: true, label: { en: 'E-mail address', ru: 'Адрес эл. почты' } },
        {
          name: 'languages',
          type: 'select',
          hasMany: true,
          options: locales.map(({ code, nativeLabel }) => ({ value: code, label: nativeLabel })),
          label: { en: 'Languages sent', ru: 'Языки письма' },
        },
        instant('sentAt', 'Sent', 'Отправлено'),
        instant('firstOpenedAt', 'First opened', 'Впервые открыто'),
        instant('lastOpenedAt', 'Last opened', 'Последний раз открыто'),
        counter('opens', 'Opens', 'Открытий'),
        counter('pdfDownloads', 'PDF downloads', 'Скачиваний PDF'),
        counter('kitDownloads', 'Press kit downloads', 'Скачиваний пресс-кита'),
        instant('termsAcceptedAt', 'Terms accepted', 'Условия приняты'),
      ] as Field[]
    ).map(readOnly),
    {
      name: 'revoked',
      type: 'checkbox',
      defaultValue: false,
      access: { update: isPublisherField },
      label: { en: 'Revoked', ru: 'Отозвано' },
      admin: {
        position: 'sidebar',
        description: {
          en: 'Tick and save: this link then shows only "Not found".',
          ru: 'Отметьте и сохраните: ссылка будет отвечать только «Не найдено».',
        },
      },
    },
  ],
}
