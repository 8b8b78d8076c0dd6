import { locales } from '@pressroom/shared'
import type { CollectionConfig, FieldHook } from 'payload'
import { isPublisher } from '../access/index.ts'

/** Where the advance send's lists and logs sit in the admin (docs/adr/0043). */
export const journalistsGroup = { en: 'Journalists (advance sends)', ru: 'Журналисты (рассылка до эмбарго)' }

/** Who recorded the consent: the staff member saving it, unless someone was named. */
const recordedByDefault: FieldHook = ({ value, req }) =>
  value ?? (req.user?.collection === 'users' ? req.user.id : value)

/**
 * Vetted journalists who may receive embargoed releases ahead of the embargo (docs/adr/0043).
 * Kept apart from the public `subscribers`: nobody signs up here, staff add people they know,
 * with the consent they gave. Only admins and editors read or change the list (it is personal
 * data and decides who sees unreleased text); anonymous REST and GraphQL get nothing.
 */
export const Journalists: CollectionConfig = {
  slug: 'journalists',
  labels: {
    singular: { en: 'Vetted journalist', ru: 'Проверенный журналист' },
    plural: { en: 'Vetted journalists', ru: 'Проверенные журналисты' },
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'outlet', 'email', 'languages', 'active'],
    group: journalistsGroup,
  },
  access: { read: isPublisher, create: isPublisher, update: isPublisher, delete: isPublisher },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 200, label: { en: 'Name', ru: 'Имя' } },
    { name: 'outlet', type: 'text', maxLength: 200, label: { en: 'Outlet', ru: 'Издание' } },
    {
      name: 'email',
      type: 'email',
      required: true,
      unique: true,
      index: true,
      label: { en: 'E-mail address', ru: 'Адрес эл. почты' },
    },
    {
      name: 'languages',
      type: 'select',
      hasMany: true,
      required: true,
      options: locales.map(({ code, nativeLabel }) => ({ value: code, label: nativeLabel })),
      label: { en: 'Reads', ru: 'Читает на' },
      admin: {
        description: {
          en: 'Advance e-mails come in these languages (both, when the release has both).',
          ru: 'Письма до эмбарго приходят на этих языках (на обоих, если релиз есть на обоих).',
        },
      },
    },
    {
      name: 'groups',
      type: 'relationship',
      relationTo: 'journalist-groups',
      hasMany: true,
      label: { en: 'Groups', ru: 'Группы' },
    },
    {
      name: 'active',
      type: 'checkbox',
      defaultValue: true,
      label: { en: 'Receives advance sends', ru: 'Получает рассылку до эмбарго' },
      admin: { position: 'sidebar' },
    },
    {
      type: 'group',
      name: 'consent',
      label: { en: 'Consent', ru: 'Согласие' },
      fields: [
        {
          name: 'at',
          type: 'date',
          required: true,
          label: { en: 'Given on', ru: 'Дано' },
          admin: { date: { pickerAppearance: 'dayAndTime' } },
        },
        {
          name: 'how',
          type: 'textarea',
          required: true,
          label: { en: 'How (and any note)', ru: 'Как (и примечание)' },
        },
        {
          name: 'recordedBy',
          type: 'relationship',
          relationTo: 'users',
          label: { en: 'Recorded by', ru: 'Кто записал' },
          hooks: { beforeChange: [recordedByDefault] },
        },
      ],
    },
    {
      name: 'termsAcceptedAt',
      type: 'date',
      label: { en: 'Accepted the embargo terms', ru: 'Принял условия эмбарго' },
      admin: {
        readOnly: true,
        position: 'sidebar',
        date: { pickerAppearance: 'dayAndTime' },
        description: {
          en: 'Recorded when the journalist accepted the terms on the first link that asked for it.',
          ru: 'Записывается, когда журналист принял условия по первой ссылке, которая их требовала.',
        },
      },
    },
  ],
}
