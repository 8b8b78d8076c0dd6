import { relationId } from '@pressroom/shared'
import type { CollectionBeforeChangeHook, CollectionBeforeDeleteHook, CollectionConfig } from 'payload'
import { isPublisher } from '../access/index.ts'
import { staffError } from '../i18n/admin/staffError.ts'
import { dispatchEndpoints } from '../notices/dispatch/endpoints.ts'
import { assertNoticePublished } from '../notices/dispatch/planDispatch.ts'
import { noticesGroup } from './Recipients.ts'

export const dispatchStatuses = [
  { value: 'draft', label: { en: 'Draft (choose recipients)', ru: 'Черновик (выбор получателей)' } },
  { value: 'planning', label: { en: 'Being planned', ru: 'Планируется' } },
  { value: 'planned', label: { en: 'Planned (log created)', ru: 'Запланирована (журнал создан)' } },
  { value: 'sending', label: { en: 'Sending', ru: 'Отправляется' } },
  { value: 'completed', label: { en: 'Completed', ru: 'Завершена' } },
] as const

const chosenFields = ['notice', 'groups', 'recipients'] as const

/** The admin shows the choice read-only once planned; API writes to it are ignored. */
const whileDraft = { update: ({ doc }: { doc?: { status?: string } }) => !doc || doc.status === 'draft' }

const sameChoice = (a: unknown, b: unknown) =>
  JSON.stringify(Array.isArray(a) ? a.map(relationId) : relationId(a)) ===
  JSON.stringify(Array.isArray(b) ? b.map(relationId) : relationId(b))

/** The chosen notice and recipients are fixed once the dispatch log exists; only drafts change. */
const guardDispatchChanges: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  if (operation === 'create') {
    data.status = 'draft'
    if (req.user) data.createdBy = req.user.id
  } else if (originalDoc?.status !== 'draft') {
    for (const field of chosenFields) {
      if (field in data && !sameChoice(data[field], originalDoc?.[field])) {
        throw staffError('dispatch', 'locked', { status: { word: `status:${originalDoc?.status}` } }, 409)
      }
    }
  }
  const noticeId = relationId(data.notice ?? originalDoc?.notice)
  if (operation === 'create' || originalDoc?.status === 'draft') {
    const notice = await assertNoticePublished(req.payload, noticeId as number | string, req)
    data.label = `${notice.referenceNumber ?? ''} ${notice.title ?? ''}`.trim()
  }
  return data
}

const onlyDraftsAreDeleted: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const doc = await req.payload.findByID({ collection: 'dispatches', id, depth: 0, req })
  if (doc.status !== 'draft') {
    throw staffError('dispatch', 'noDelete', undefined, 409)
  }
}

/** A published notice sent to chosen groups and recipients; planning creates its log rows. */
export const Dispatches: CollectionConfig = {
  slug: 'dispatches',
  labels: {
    singular: { en: 'Dispatch', ru: 'Рассылка' },
    plural: { en: 'Dispatches', ru: 'Рассылки' },
  },
  admin: {
    useAsTitle: 'label',
    defaultColumns: ['label', 'status', 'recipientCount', 'plannedAt', 'createdBy'],
    group: noticesGroup,
  },
  access: { read: isPublisher, create: isPublisher, update: isPublisher, delete: isPublisher },
  endpoints: dispatchEndpoints,
  hooks: { beforeChange: [guardDispatchChanges], beforeDelete: [onlyDraftsAreDeleted] },
  fields: [
    {
      name: 'notice',
      type: 'relationship',
      relationTo: 'notices',
      required: true,
      access: whileDraft,
      filterOptions: { _status: { equals: 'published' } },
      label: { en: 'Notice (published)', ru: 'Уведомление (опубликованное)' },
    },
    {
      name: 'groups',
      type: 'relationship',
      relationTo: 'distribution-groups',
      hasMany: true,
      access: whileDraft,
      label: { en: 'Distribution groups', ru: 'Группы рассылки' },
    },
    {
      name: 'recipients',
      type: 'relationship',
      relationTo: 'recipients',
      hasMany: true,
      access: whileDraft,
      filterOptions: { active: { equals: true } },
      label: { en: 'Individual recipients', ru: 'Отдельные получатели' },
      admin: {
        description: {
          en: 'A recipient chosen here and in a group receives the notice once.',
          ru: 'Получатель, выбранный здесь и в группе, получает уведомление один раз.',
        },
      },
    },
    {
      name: 'actions',
      type: 'ui',
      admin: { components: { Field: '/components/DispatchActions.tsx#DispatchActions' } },
    },
    {
      // Staff preview each language's e-mail and send themselves a test (docs/adr/0038).
      name: 'mailPreview',
      type: 'ui',
      admin: { components: { Field: '/components/MailPreview.tsx#DispatchMailPreview' } },
    },
    {
      name: 'log',
      type: 'join',
      collection: 'dispatch-recipients',
      on: 'dispatch',
      label: { en: 'Dispatch log', ru: 'Журнал рассылки' },
      admin: {
        allowCreate: false,
        defaultColumns: ['recipientName', 'channel', 'language', 'status', 'sentAt', 'acknowledgedAt'],
      },
    },
    {
      name: 'label',
      type: 'text',
      label: { en: 'Dispatch', ru: 'Рассылка' },
      admin: { hidden: true },
      access: { create: () => false, update: () => false },
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'draft',
      options: dispatchStatuses.map((s) => ({ value: s.value, label: s.label })),
      access: { create: () => false, update: () => false },
      label: { en: 'Status', ru: 'Статус' },
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'recipientCount',
      type: 'number',
      access: { create: () => false, update: () => false },
      label: { en: 'Recipients', ru: 'Получателей' },
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'plannedAt',
      type: 'date',
      access: { create: () => false, update: () => false },
      label: { en: 'Planned at', ru: 'Запланирована' },
      admin: { position: 'sidebar', readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'createdBy',
      type: 'relationship',
      relationTo: 'users',
      access: { create: () => false, update: () => false },
      label: { en: 'Created by', ru: 'Создал(а)' },
      admin: { position: 'sidebar', readOnly: true },
    },
  ],
}
