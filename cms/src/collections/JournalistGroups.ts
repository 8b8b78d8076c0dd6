import type { CollectionConfig } from 'payload'
import { isPublisher } from '../access/index.ts'
import { journalistsGroup } from './Journalists.ts'

/**
 * Named lists of vetted journalists ("Economy desks"), for sending ahead to a group. Apart from
 * the notices' distribution groups on purpose: a journalist never becomes a notice recipient.
 */
export const JournalistGroups: CollectionConfig = {
  slug: 'journalist-groups',
  labels: {
    singular: { en: 'Journalist group', ru: 'Группа журналистов' },
    plural: { en: 'Journalist groups', ru: 'Группы журналистов' },
  },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'description'], group: journalistsGroup },
  access: { read: isPublisher, create: isPublisher, update: isPublisher, delete: isPublisher },
  fields: [
    { name: 'name', type: 'text', required: true, maxLength: 200, label: { en: 'Name', ru: 'Название' } },
    { name: 'description', type: 'textarea', label: { en: 'Description', ru: 'Описание' } },
    {
      name: 'members',
      type: 'join',
      collection: 'journalists',
      on: 'groups',
      label: { en: 'Members', ru: 'Участники' },
      admin: { defaultColumns: ['name', 'outlet', 'languages'] },
    },
  ],
}
