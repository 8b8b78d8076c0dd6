import { changeNoteKinds } from '@pressroom/shared'
import type { Field } from 'payload'
import { instantHooks } from './instant.ts'
import { instantZone } from './instantZone.ts'

/** Corrections and updates after publication, shown to readers with their date. */
export const changeNotesField: Field = {
  name: 'changeNotes',
  type: 'array',
  label: { en: 'Change notes', ru: 'Примечания об изменениях' },
  labels: {
    singular: { en: 'Change note', ru: 'Примечание' },
    plural: { en: 'Change notes', ru: 'Примечания' },
  },
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'date',
          type: 'date',
          required: true,
          hooks: instantHooks,
          timezone: instantZone,
          defaultValue: () => new Date().toISOString(),
          label: { en: 'Date', ru: 'Дата' },
        },
        {
          name: 'kind',
          type: 'select',
          required: true,
          defaultValue: 'update',
          options: changeNoteKinds.map((value) => ({
            value,
            label:
              value === 'correction' ? { en: 'Correction', ru: 'Исправление' } : { en: 'Update', ru: 'Обновление' },
          })),
          label: { en: 'Kind', ru: 'Вид' },
        },
      ],
    },
    {
      name: 'note',
      type: 'textarea',
      localized: true,
      required: true,
      label: { en: 'What changed', ru: 'Что изменилось' },
    },
  ],
}
