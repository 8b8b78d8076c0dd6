import { publicationCollection } from './publication.ts'

export const Notices = publicationCollection({
  kind: 'notice',
  kindTab: {
    label: { en: 'Addressees and closing', ru: 'Адресаты и завершение' },
    fields: [
      {
        name: 'addressees',
        type: 'array',
        label: { en: 'Addressees (institution groups)', ru: 'Адресаты (группы учреждений)' },
        admin: {
          description: {
            en: 'Who the notice is addressed to, as printed on it, e.g. "Embassies in Moscow".',
            ru: 'Кому адресовано уведомление, как это напечатано в нём, например «Посольства в Москве».',
          },
        },
        fields: [
          { name: 'group', type: 'text', required: true, localized: true, label: { en: 'Group', ru: 'Группа' } },
        ],
      },
      {
        name: 'formalClosing',
        type: 'textarea',
        localized: true,
        label: { en: 'Formal closing', ru: 'Заключительная формула' },
        admin: {
          description: {
            en: 'E.g. "The Initiative avails itself of this opportunity to renew the assurances of its highest consideration."',
            ru: 'Например: «Инициатива пользуется случаем, чтобы возобновить уверения в своём самом высоком уважении».',
          },
        },
      },
    ],
  },
})
