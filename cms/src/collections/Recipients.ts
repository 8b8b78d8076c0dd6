import { defaultLocale } from '@pressroom/shared'
import type { CollectionConfig, PayloadRequest } from 'payload'
import { isPublisher } from '../access/index.ts'
import { adminT } from '../i18n/admin/adminT.ts'
import {
  countryProblem,
  deliveryChannels,
  emailProblem,
  languageOptions,
  recipientKinds,
} from '../notices/directory.ts'
import { recipientsEndpoints } from '../notices/recipientsCsv/endpoints.ts'

export const noticesGroup = { en: 'Notices to institutions', ru: 'Уведомления учреждениям' }

/**
 * Institutions and people that receive formal notices. Only admins and editors see or change
 * them; they never reach the public API (every access function says so, GraphQL included).
 */
export const Recipients: CollectionConfig = {
  slug: 'recipients',
  labels: {
    singular: { en: 'Recipient', ru: 'Получатель' },
    plural: { en: 'Recipients', ru: 'Получатели' },
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'kind', 'country', 'preferredLanguage', 'active'],
    listSearchableFields: ['name', 'externalId'],
    group: noticesGroup,
    components: { beforeListTable: ['/components/RecipientsImportExport.tsx#RecipientsImportExport'] },
  },
  access: { read: isPublisher, create: isPublisher, update: isPublisher, delete: isPublisher },
  endpoints: recipientsEndpoints,
  fields: [
    {
      name: 'name',
      type: 'text',
      localized: true,
      maxLength: 300,
      label: { en: 'Name', ru: 'Название / имя' },
      // Required in English only: the Russian name falls back to it until it is written.
      validate: (value: unknown, { req }: { req: PayloadRequest }) =>
        value || (req.locale && req.locale !== defaultLocale)
          ? true
          : adminT(req.i18n.t, 'validation')('englishNameRequired'),
      admin: { description: { en: 'Required in English.', ru: 'Обязательно на английском.' } },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'kind',
          type: 'select',
          required: true,
          options: recipientKinds.map((k) => ({ value: k.value, label: k.label })),
          label: { en: 'Kind', ru: 'Тип' },
          admin: { width: '50%' },
        },
        {
          name: 'country',
          type: 'text',
          maxLength: 2,
          label: { en: 'Country (ISO code)', ru: 'Страна (код ISO)' },
          validate: (value: unknown, { req }: { req: PayloadRequest }) =>
            value ? (countryProblem(String(value), adminT(req.i18n.t, 'validation')) ?? true) : true,
          hooks: { beforeValidate: [({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value)] },
          admin: {
            width: '50%',
            description: { en: 'Two letters: DE, RU, US…', ru: 'Две буквы: DE, RU, US…' },
          },
        },
      ],
    },
    {
      name: 'role',
      type: 'text',
      localized: true,
      maxLength: 300,
      label: { en: 'Role or position', ru: 'Должность / роль' },
    },
    {
      name: 'emails',
      type: 'array',
      label: { en: 'E-mail addresses', ru: 'Адреса электронной почты' },
      labels: { singular: { en: 'Address', ru: 'Адрес' }, plural: { en: 'Addresses', ru: 'Адреса' } },
      fields: [
        {
          name: 'address',
          type: 'text',
          required: true,
          label: { en: 'Address', ru: 'Адрес' },
          validate: (value: unknown, { req }: { req: PayloadRequest }) => {
            const say = adminT(req.i18n.t, 'validation')
            return value ? (emailProblem(String(value), say) ?? true) : say('enterAddress')
          },
          hooks: { beforeValidate: [({ value }) => (typeof value === 'string' ? value.trim() : value)] },
        },
      ],
    },
    {
      name: 'postalAddress',
      type: 'textarea',
      label: { en: 'Postal address', ru: 'Почтовый адрес' },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'preferredLanguage',
          type: 'select',
          required: true,
          defaultValue: 'en',
          options: [...languageOptions],
          label: { en: 'Preferred language', ru: 'Предпочтительный язык' },
          admin: { width: '50%' },
        },
        {
          name: 'preferredChannels',
          type: 'select',
          hasMany: true,
          defaultValue: ['email'],
          options: deliveryChannels.map((c) => ({ value: c.value, label: c.label })),
          label: { en: 'Preferred channels, in order', ru: 'Предпочтительные каналы по порядку' },
          validate: (
            value: unknown,
            { req, siblingData }: { req: PayloadRequest; siblingData: { emails?: unknown[] } },
          ) =>
            Array.isArray(value) && value.includes('email') && !siblingData.emails?.length
              ? adminT(req.i18n.t, 'validation')('emailChannelWithoutAddress')
              : true,
          admin: { width: '50%' },
        },
      ],
    },
    {
      name: 'groups',
      type: 'relationship',
      relationTo: 'distribution-groups',
      hasMany: true,
      label: { en: 'Distribution groups', ru: 'Группы рассылки' },
    },
    { name: 'notes', type: 'textarea', label: { en: 'Notes (internal)', ru: 'Заметки (внутренние)' } },
    {
      name: 'externalId',
      type: 'text',
      unique: true,
      index: true,
      label: { en: 'External ID', ru: 'Внешний идентификатор' },
      admin: {
        position: 'sidebar',
        description: {
          en: 'Optional key from another list; a CSV import matches rows by it.',
          ru: 'Необязательный ключ из другого списка; импорт CSV сопоставляет строки по нему.',
        },
      },
    },
    {
      name: 'active',
      type: 'checkbox',
      defaultValue: true,
      label: { en: 'Active (receives notices)', ru: 'Активен (получает уведомления)' },
      admin: { position: 'sidebar' },
    },
    {
      name: 'logExports',
      type: 'ui',
      admin: { components: { Field: '/components/RecipientLogExports.tsx#RecipientLogExports' } },
    },
    {
      name: 'dispatchLog',
      type: 'join',
      collection: 'dispatch-recipients',
      on: 'recipient',
      label: { en: 'Notices sent to this recipient', ru: 'Уведомления этому получателю' },
      admin: { allowCreate: false, defaultColumns: ['notice', 'channel', 'status', 'sentAt', 'acknowledgedAt'] },
    },
  ],
}
