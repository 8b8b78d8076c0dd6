import { defaultReferencePrefix, defaultTimeZone, referencePrefixPattern, timeZones } from '@pressroom/shared'
import type { GlobalConfig } from 'payload'
import { anyone, isAdmin, staffOnlyField } from '../access/index.ts'
import { explainRefusalInGlobal } from '../hooks/explainRefusal.ts'
import { rejectUnknownLocaleInGlobal } from '../hooks/rejectUnknownLocale.ts'
import { digestScheduleFields } from '../subscriptions/digests/frequency.ts'

const url = (value: unknown) =>
  value === undefined || value === null || value === '' || /^https?:\/\/[^\s]+$/.test(String(value))
    ? true
    : 'Write a full address starting with https:// (or http:// for a local machine).'

export const SiteSettings: GlobalConfig = {
  slug: 'site-settings',
  label: { en: 'Site settings', ru: 'Настройки сайта' },
  admin: { group: { en: 'Administration', ru: 'Администрирование' } },
  access: { read: anyone, update: isAdmin },
  hooks: { beforeOperation: [rejectUnknownLocaleInGlobal, explainRefusalInGlobal] },
  fields: [
    {
      name: 'organizationName',
      type: 'text',
      required: true,
      localized: true,
      label: { en: 'Organization name', ru: 'Название организации' },
    },
    {
      name: 'organizationDescription',
      type: 'textarea',
      localized: true,
      label: { en: 'Organization description', ru: 'Описание организации' },
    },
    {
      // Public: publication e-mails and document pages print it (docs/adr/0047).
      name: 'notesToEditors',
      type: 'textarea',
      localized: true,
      label: { en: 'Notes to editors', ru: 'Примечания для редакций' },
      admin: {
        description: {
          en: 'Printed under every publication e-mail and on document pages: who the organization is, how to reach the press office. A blank line starts a new paragraph.',
          ru: 'Печатается под каждым письмом о публикации и на страницах документов: кто мы, как связаться с пресс-службой. Пустая строка начинает новый абзац.',
        },
      },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'siteUrl',
          type: 'text',
          validate: url,
          label: { en: 'Public site URL', ru: 'Адрес публичного сайта' },
          access: { read: staffOnlyField },
        },
        {
          name: 'cmsUrl',
          type: 'text',
          validate: url,
          label: { en: 'CMS URL', ru: 'Адрес CMS' },
          access: { read: staffOnlyField },
        },
      ],
    },
    {
      name: 'referencePrefix',
      type: 'text',
      required: true,
      defaultValue: defaultReferencePrefix,
      label: { en: 'Reference number prefix', ru: 'Префикс регистрационных номеров' },
      access: { read: staffOnlyField },
      admin: {
        description: {
          en: 'E.g. GC gives GC-PR-2026-004. Changing it affects only numbers given from now on.',
          ru: 'Например, GC даёт GC-PR-2026-004. Изменение касается только новых номеров.',
        },
      },
      validate: (value: unknown) =>
        referencePrefixPattern.test(String(value ?? ''))
          ? true
          : 'Use 1–8 upper-case latin letters or digits, starting with a letter (e.g. GC).',
    },
    // The organization's time zone (docs/adr/0040): the zone new embargoes and date lines are
    // entered in, and the one the site, feeds, e-mails and PDFs print a time in when a document
    // names none. Public: the site build reads it.
    {
      name: 'defaultTimezone',
      type: 'select',
      required: true,
      defaultValue: defaultTimeZone,
      options: timeZones.map(({ zone, en, ru }) => ({ value: zone, label: { en: en.name, ru: ru.name } })),
      label: { en: 'Time zone of the organization', ru: 'Часовой пояс организации' },
      admin: {
        description: {
          en: 'New embargoes and dates are entered in this zone; pages, feeds and e-mails name it with every time.',
          ru: 'В этом поясе вводятся новые эмбарго и даты; страницы, ленты и письма указывают его при каждом времени.',
        },
      },
    },
    {
      name: 'socialLinks',
      type: 'array',
      label: { en: 'Social links', ru: 'Социальные сети' },
      fields: [
        { name: 'label', type: 'text', required: true, label: { en: 'Name', ru: 'Название' } },
        { name: 'url', type: 'text', required: true, validate: url, label: { en: 'Address', ru: 'Адрес' } },
      ],
    },
    {
      name: 'publicationEmailGraceSeconds',
      type: 'number',
      required: true,
      min: 0,
      max: 86_400,
      defaultValue: 120,
      label: {
        en: 'Grace period before publication e-mails go (seconds)',
        ru: 'Время на отмену рассылки публикации (секунды)',
      },
      access: { read: staffOnlyField },
      admin: {
        description: {
          en: 'After a publication e-mail is due (publishing, the end of an embargo, the send button) it waits this long, and staff can cancel it meanwhile. 0 sends at once.',
          ru: 'После того как письмо о публикации должно уйти (публикация, конец эмбарго, кнопка отправки), оно ждёт столько секунд, и его можно отменить. 0 — отправлять сразу.',
        },
      },
    },
    // When digests go out, in the organization's zone (subscriptions/digests/, docs/adr/0046).
    ...digestScheduleFields,
    {
      name: 'isPlaceholder',
      type: 'checkbox',
      defaultValue: false,
      label: { en: 'Placeholder values (replace before going live)', ru: 'Заглушки (заменить перед запуском)' },
      access: { read: staffOnlyField },
    },
  ],
}
