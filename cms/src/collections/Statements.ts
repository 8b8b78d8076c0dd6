import { publicationCollection } from './publication.ts'

export const Statements = publicationCollection({
  kind: 'statement',
  kindTab: {
    label: { en: 'Signatories', ru: 'Подписавшие' },
    fields: [
      {
        name: 'signatories',
        type: 'array',
        label: { en: 'Signatories', ru: 'Подписавшие' },
        fields: [
          { name: 'name', type: 'text', required: true, localized: true, label: { en: 'Name', ru: 'Имя' } },
          {
            name: 'role',
            type: 'text',
            localized: true,
            label: { en: 'Role or organization', ru: 'Должность или организация' },
          },
        ],
      },
    ],
  },
})
