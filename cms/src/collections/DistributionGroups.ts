import { defaultLocale } from '@pressroom/shared'
import type { CollectionConfig, PayloadRequest } from 'payload'
import { isPublisher } from '../access/index.ts'
import { adminT } from '../i18n/admin/adminT.ts'
import { noticesGroup } from './Recipients.ts'

/** Named lists of recipients ("Embassies in Moscow"); membership is kept on each recipient. */
export const DistributionGroups: CollectionConfig = {
  slug: 'distribution-groups',
  labels: {
    singular: { en: 'Distribution group', ru: 'Группа рассылки' },
    plural: { en: 'Distribution groups', ru: 'Группы рассылки' },
  },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'description'], group: noticesGroup },
  access: { read: isPublisher, create: isPublisher, update: isPublisher, delete: isPublisher },
  fields: [
    {
      name: 'name',
      type: 'text',
      localized: true,
      maxLength: 200,
      label: { en: 'Name', ru: 'Название' },
      validate: (value: unknown, { req }: { req: PayloadRequest }) =>
        value || (req.locale && req.locale !== defaultLocale)
          ? true
          : adminT(req.i18n.t, 'validation')('englishNameRequired'),
    },
    { name: 'description', type: 'textarea', localized: true, label: { en: 'Description', ru: 'Описание' } },
    {
      name: 'members',
      type: 'join',
      collection: 'recipients',
      on: 'groups',
      label: { en: 'Members', ru: 'Участники' },
      admin: { defaultColumns: ['name', 'kind', 'country', 'preferredLanguage'] },
    },
  ],
}
