import { relationId } from '@pressroom/shared'
import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, CollectionConfig, PayloadRequest } from 'payload'
import { isAdmin, isPublisher } from '../access/index.ts'
import { instantHooks } from '../fields/instant.ts'
import { adminT } from '../i18n/admin/adminT.ts'
import { staffError } from '../i18n/admin/staffError.ts'
import { manualChannels } from '../notices/directory.ts'
import { recordManualDelivery } from '../notices/dispatch/recordManualDelivery.ts'
import { noticesGroup } from './Recipients.ts'

const copiedFromLogRow = {
  admin: { readOnly: true },
  access: { create: () => false, update: () => false },
}

/** Copies the dispatch, notice and recipient from the log row, so records filter like the log. */
const fillFromLogRow: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const row = await req.payload
    .findByID({ collection: 'dispatch-recipients', id: relationId(data.dispatchRecipient), depth: 0, req })
    .catch(() => null)
  if (!row) {
    throw staffError('dispatch', 'manualEntryMissing', undefined, 400)
  }
  data.dispatch = row.dispatch
  data.notice = row.notice
  data.recipient = row.recipient
  if (req.user) data.recordedBy = req.user.id
  return data
}

const markLogRow: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation === 'create') await recordManualDelivery(req.payload, relationId(doc.dispatchRecipient), doc.date, req)
  return doc
}

/**
 * A notice carried by post, by hand, by fax or through an embassy, recorded by staff with the
 * date and a proof. Append-only: a wrong record is deleted by an admin and entered again.
 */
export const DispatchManualRecords: CollectionConfig = {
  slug: 'dispatch-manual-records',
  labels: {
    singular: { en: 'Manual delivery record', ru: 'Запись о ручной доставке' },
    plural: { en: 'Manual delivery records', ru: 'Записи о ручной доставке' },
  },
  admin: {
    defaultColumns: ['dispatchRecipient', 'channel', 'date', 'proof', 'recordedBy'],
    group: noticesGroup,
  },
  access: { read: isPublisher, create: isPublisher, update: () => false, delete: isAdmin },
  hooks: { beforeChange: [fillFromLogRow], afterChange: [markLogRow] },
  fields: [
    {
      name: 'dispatchRecipient',
      type: 'relationship',
      relationTo: 'dispatch-recipients',
      required: true,
      label: { en: 'Dispatch log entry', ru: 'Запись журнала' },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'channel',
          type: 'select',
          required: true,
          options: manualChannels.map((c) => ({ value: c.value, label: c.label })),
          label: { en: 'Channel', ru: 'Канал' },
        },
        {
          name: 'date',
          type: 'date',
          required: true,
          label: { en: 'Date delivered or posted', ru: 'Дата доставки или отправки' },
          hooks: instantHooks,
          validate: (value: unknown, { req }: { req: PayloadRequest }) => {
            const say = adminT(req.i18n.t, 'validation')
            if (!value) return say('manualDateRequired')
            const time = Date.parse(String(value))
            if (Number.isNaN(time)) return say('notADate', { value: String(value) })
            return time > Date.now() + 24 * 3600_000 ? say('futureDate') : true
          },
          admin: { date: { pickerAppearance: 'dayAndTime' } },
        },
      ],
    },
    {
      name: 'proof',
      type: 'upload',
      relationTo: 'dispatch-proofs',
      required: true,
      label: { en: 'Proof (receipt, scan, photo)', ru: 'Подтверждение (квитанция, скан, фото)' },
    },
    { name: 'note', type: 'textarea', label: { en: 'Note', ru: 'Примечание' } },
    {
      type: 'row',
      fields: [
        {
          name: 'dispatch',
          label: { en: 'Dispatch', ru: 'Рассылка' },
          type: 'relationship',
          relationTo: 'dispatches',
          ...copiedFromLogRow,
        },
        {
          name: 'notice',
          label: { en: 'Notice', ru: 'Уведомление' },
          type: 'relationship',
          relationTo: 'notices',
          ...copiedFromLogRow,
        },
        {
          name: 'recipient',
          label: { en: 'Recipient', ru: 'Получатель' },
          type: 'relationship',
          relationTo: 'recipients',
          ...copiedFromLogRow,
        },
      ],
    },
    {
      name: 'recordedBy',
      type: 'relationship',
      relationTo: 'users',
      label: { en: 'Recorded by', ru: 'Записал(а)' },
      admin: { position: 'sidebar', readOnly: true },
      access: { create: () => false, update: () => false },
    },
  ],
}
