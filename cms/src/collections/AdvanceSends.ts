import type { CollectionConfig, Field } from 'payload'
import { isPublisher, isPublisherField } from '../access/index.ts'
import { journalistsGroup } from './Journalists.ts'
import { nobody } from './mailRecords.ts'

const readOnly = (field: Field): Field => ({ ...field, access: { update: nobody } }) as Field

/**
 * One advance send of an embargoed release (docs/adr/0043): to whom it went, who sent it,
 * whether the embargo terms must be accepted first. Written by `sendAhead`; staff may only
 * revoke it, which closes every link it sent.
 */
export const AdvanceSends: CollectionConfig = {
  slug: 'advance-sends',
  labels: {
    singular: { en: 'Advance send', ru: 'Рассылка до эмбарго' },
    plural: { en: 'Advance sends', ru: 'Рассылки до эмбарго' },
  },
  admin: {
    useAsTitle: 'key',
    defaultColumns: ['key', 'release', 'audience', 'recipients', 'revoked', 'createdAt'],
    group: journalistsGroup,
  },
  access: { read: isPublisher, create: nobody, update: isPublisher, delete: nobody },
  fields: [
    ...(
      [
        { name: 'key', type: 'text', required: true, unique: true, label: { en: 'Key', ru: 'Ключ' } },
        {
          name: 'release',
          type: 'relationship',
          relationTo: 'press-releases',
          required: true,
          index: true,
          label: { en: 'Press release', ru: 'Пресс-релиз' },
        },
        { name: 'number', type: 'number', required: true, label: { en: 'Send number', ru: 'Номер рассылки' } },
        {
          name: 'audience',
          type: 'select',
          required: true,
          options: [
            { value: 'all', label: { en: 'All vetted journalists', ru: 'Все проверенные журналисты' } },
            { value: 'group', label: { en: 'A group', ru: 'Группа' } },
            { value: 'chosen', label: { en: 'Chosen people', ru: 'Выбранные люди' } },
          ],
          label: { en: 'Sent to', ru: 'Кому' },
        },
        {
          name: 'group',
          type: 'relationship',
          relationTo: 'journalist-groups',
          label: { en: 'Group', ru: 'Группа' },
        },
        { name: 'recipients', type: 'number', label: { en: 'Recipients', ru: 'Получателей' } },
        {
          name: 'requireTerms',
          type: 'checkbox',
          defaultValue: false,
          label: { en: 'Embargo terms accepted first', ru: 'Сначала принять условия эмбарго' },
        },
        { name: 'sentBy', type: 'relationship', relationTo: 'users', label: { en: 'Sent by', ru: 'Кто отправил' } },
      ] as Field[]
    ).map(readOnly),
    {
      name: 'revoked',
      type: 'checkbox',
      defaultValue: false,
      access: { update: isPublisherField },
      label: { en: 'Revoked (every link of this send)', ru: 'Отозвано (все ссылки этой рассылки)' },
      admin: {
        position: 'sidebar',
        description: {
          en: 'Tick and save: every link of this send then shows only "Not found".',
          ru: 'Отметьте и сохраните: все ссылки этой рассылки будут отвечать «Не найдено».',
        },
      },
    },
    {
      name: 'links',
      type: 'join',
      collection: 'advance-links',
      on: 'send',
      label: { en: 'Recipients and their log', ru: 'Получатели и журнал' },
      admin: {
        defaultColumns: [
          'email',
          'languages',
          'firstOpenedAt',
          'lastOpenedAt',
          'opens',
          'pdfDownloads',
          'kitDownloads',
          'revoked',
        ],
      },
    },
  ],
}
