import { localeCodes, locales } from '@pressroom/shared'
import type { CollectionConfig, PayloadRequest } from 'payload'
import { anyone, isPublisher } from '../access/index.ts'
import { placeholderField } from '../fields/placeholder.ts'
import { adminT } from '../i18n/admin/adminT.ts'

export const PressContacts: CollectionConfig = {
  slug: 'press-contacts',
  labels: {
    singular: { en: 'Press contact', ru: 'Контакт для прессы' },
    plural: { en: 'Press contacts', ru: 'Контакты для прессы' },
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'role', 'email'],
    group: { en: 'Press room', ru: 'Пресс-центр' },
  },
  access: { read: anyone, create: isPublisher, update: isPublisher, delete: isPublisher },
  fields: [
    { name: 'name', type: 'text', required: true, localized: true, label: { en: 'Name', ru: 'Имя' } },
    { name: 'role', type: 'text', localized: true, label: { en: 'Role', ru: 'Должность' } },
    { name: 'email', type: 'email', required: true, label: { en: 'E-mail', ru: 'Эл. почта' } },
    {
      name: 'phone',
      type: 'text',
      label: { en: 'Phone', ru: 'Телефон' },
      validate: (value: unknown, { req }: { req: PayloadRequest }) =>
        value === undefined || value === null || value === '' || /^\+?[0-9 ()-]{5,25}$/.test(String(value))
          ? true
          : adminT(req.i18n.t, 'validation')('phone'),
    },
    {
      name: 'languages',
      type: 'select',
      hasMany: true,
      required: true,
      defaultValue: [...localeCodes],
      options: locales.map((l) => ({ value: l.code, label: l.nativeLabel })),
      label: { en: 'Languages spoken', ru: 'Языки общения' },
    },
    placeholderField,
  ],
}
