import type { Access, CollectionConfig } from 'payload'
import { hasRole, roleOf } from '../access/roles.ts'
import { mailGroup, nobody } from './mailRecords.ts'

/** Admins and editors read every test; a translator reads their own. */
const ownOrPublisher: Access = ({ req }) => {
  if (hasRole(req.user, 'admin', 'editor')) return true
  return roleOf(req.user) && req.user ? { sentBy: { equals: req.user.id } } : false
}

/**
 * Every "Send a test to me" (docs/adr/0038): who sent which e-mail to whom, when, in which
 * language, and the provider's id. Written by the test send alone; a test is never a send or a
 * delivery, so it counts nowhere else.
 */
export const TestSends: CollectionConfig = {
  slug: 'test-sends',
  labels: {
    singular: { en: 'Test send', ru: 'Тестовое письмо' },
    plural: { en: 'Test sends', ru: 'Тестовые письма' },
  },
  admin: {
    group: mailGroup,
    useAsTitle: 'subject',
    defaultColumns: ['subject', 'sentBy', 'to', 'locale', 'providerId', 'createdAt'],
  },
  access: { read: ownOrPublisher, create: nobody, update: nobody, delete: nobody },
  fields: [
    // Not required: deleting a staff member keeps their tests' record, without the link.
    { name: 'sentBy', type: 'relationship', relationTo: 'users', label: { en: 'By', ru: 'Кто' } },
    { name: 'to', type: 'email', required: true, label: { en: 'To', ru: 'Кому' } },
    { name: 'subject', type: 'text', required: true, label: { en: 'Subject', ru: 'Тема' } },
    { name: 'locale', type: 'text', required: true, label: { en: 'Language', ru: 'Язык' } },
    { name: 'label', type: 'text', label: { en: 'What was tested', ru: 'Что проверяли' } },
    { name: 'sourceCollection', type: 'text', required: true, label: { en: 'Collection', ru: 'Коллекция' } },
    { name: 'sourceId', type: 'number', required: true, label: { en: 'Document ID', ru: 'ID документа' } },
    { name: 'transport', type: 'text', label: { en: 'Sent through', ru: 'Через' } },
    { name: 'providerId', type: 'text', label: { en: 'Provider ID', ru: 'ID у провайдера' } },
  ],
}
