import { documentKinds, kindLabels, locales } from '@pressroom/shared'
import type { CollectionConfig } from 'payload'
import { isPublisher } from '../access/index.ts'
import { labelledOptions, statusWords } from '../fields/statusOptions.ts'
import { digestFrequencyField } from '../subscriptions/digests/frequency.ts'
import { languageChoiceFields } from '../subscriptions/languageChoiceFields.ts'

export const subscriberStatuses = ['pending', 'active', 'ended'] as const
export const endReasons = ['unsubscribed', 'bounced', 'complained', 'erased'] as const
export type EndReason = (typeof endReasons)[number]

/**
 * Journalists who asked for e-mail. Written only through the subscription endpoints and the
 * delivery core. Only admins and editors read them; never readable anonymously.
 */
export const Subscribers: CollectionConfig = {
  slug: 'subscribers',
  labels: { singular: { en: 'Subscriber', ru: 'Подписчик' }, plural: { en: 'Subscribers', ru: 'Подписчики' } },
  admin: {
    group: { en: 'E-mail', ru: 'Рассылка' },
    useAsTitle: 'email',
    defaultColumns: ['email', 'status', 'languages', 'confirmedAt', 'endReason'],
  },
  access: { read: isPublisher, create: () => false, update: isPublisher, delete: () => false },
  fields: [
    {
      name: 'email',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      label: { en: 'E-mail', ru: 'E-mail' },
      access: { update: () => false },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'status',
          type: 'select',
          required: true,
          defaultValue: 'pending',
          options: labelledOptions(subscriberStatuses, statusWords),
          index: true,
          label: { en: 'Status', ru: 'Состояние' },
        },
        {
          name: 'endReason',
          type: 'select',
          options: labelledOptions(endReasons, statusWords),
          label: { en: 'Ended because', ru: 'Причина окончания' },
        },
        { name: 'endedAt', type: 'date', label: { en: 'Ended', ru: 'Окончена' } },
      ],
    },
    {
      name: 'languages',
      type: 'select',
      hasMany: true,
      options: locales.map((l) => ({ value: l.code, label: l.nativeLabel })),
      label: { en: 'Languages', ru: 'Языки' },
    },
    {
      name: 'kinds',
      type: 'select',
      hasMany: true,
      options: documentKinds.map((k) => ({ value: k.kind, label: kindLabels(k.kind, 'plural') })),
      label: { en: 'Kinds (none: all)', ru: 'Виды (пусто: все)' },
    },
    {
      name: 'topics',
      type: 'relationship',
      relationTo: 'topics',
      hasMany: true,
      label: { en: 'Topics (none: all)', ru: 'Темы (пусто: все)' },
    },
    // Immediate e-mails, or a daily or weekly digest instead (subscriptions/digests/, docs/adr/0046).
    digestFrequencyField,
    ...languageChoiceFields,
    {
      name: 'locale',
      type: 'select',
      required: true,
      defaultValue: 'en',
      options: locales.map((l) => ({ value: l.code, label: l.nativeLabel })),
      label: { en: 'Language of pages and notices', ru: 'Язык страниц и писем' },
    },
    { name: 'confirmedAt', type: 'date', label: { en: 'Confirmed', ru: 'Подтверждена' }, admin: { readOnly: true } },
    {
      name: 'consent',
      type: 'group',
      label: { en: 'Consent', ru: 'Согласие' },
      admin: { readOnly: true },
      fields: [
        { name: 'at', type: 'date', label: { en: 'Given at', ru: 'Дано' } },
        { name: 'text', type: 'textarea', label: { en: 'What was agreed to', ru: 'На что дано' } },
        { name: 'policyVersion', type: 'text', label: { en: 'Policy version', ru: 'Версия политики' } },
      ],
    },
    {
      name: 'requested',
      type: 'json',
      label: { en: 'Preferences waiting for confirmation', ru: 'Настройки, ожидающие подтверждения' },
      admin: { readOnly: true },
    },
    {
      name: 'requestedAt',
      label: { en: 'Requested at', ru: 'Запрошено' },
      type: 'date',
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      name: 'tokenVersion',
      label: { en: 'Link version', ru: 'Версия ссылок' },
      type: 'number',
      defaultValue: 1,
      required: true,
      admin: {
        position: 'sidebar',
        description: {
          en: 'Raise it to revoke every link sent to this subscriber so far.',
          ru: 'Увеличьте, чтобы отозвать все отправленные ссылки.',
        },
      },
    },
    // Confirmation e-mail bookkeeping, written by the subscribe endpoint and the mail job.
    { name: 'confirmationDueAt', type: 'date', admin: { hidden: true } },
    { name: 'confirmationSweep', type: 'text', index: true, admin: { hidden: true } },
    {
      name: 'confirmationSentAt',
      label: { en: 'Confirmation sent at', ru: 'Подтверждение отправлено' },
      type: 'date',
      admin: { readOnly: true, position: 'sidebar' },
    },
  ],
}
