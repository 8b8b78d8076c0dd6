import { translationStates } from '@pressroom/shared'
import type { Field, FieldHook } from 'payload'

const stateLabels = {
  complete: { en: 'Complete', ru: 'Полный' },
  partial: { en: 'Partial translation', ru: 'Частичный перевод' },
  outdated: { en: 'Outdated (the other language changed)', ru: 'Устарел (изменён другой язык)' },
  missing: { en: 'Missing', ru: 'Отсутствует' },
} as const

/** The language being written is complete unless staff say otherwise. */
const defaultToComplete: FieldHook = ({ value, siblingData }) =>
  value ?? (typeof siblingData?.title === 'string' && siblingData.title ? 'complete' : value)

export const translationStateField: Field = {
  name: 'translationState',
  type: 'select',
  localized: true,
  label: { en: 'Translation state of this language', ru: 'Состояние перевода на этом языке' },
  options: translationStates.map((value) => ({ value, label: stateLabels[value] })),
  admin: { position: 'sidebar' },
  hooks: { beforeChange: [defaultToComplete] },
}
