import { translationStates } from '@pressroom/shared'
import type { Field, FieldHook } from 'payload'
import { markTranslationsOutdated } from '../hooks/markTranslationsOutdated.ts'

const stateLabels = {
  complete: { en: 'Complete', ru: 'Полный' },
  partial: { en: 'Partial translation', ru: 'Частичный перевод' },
  outdated: { en: 'Outdated (the other language changed)', ru: 'Устарел (изменён другой язык)' },
  missing: { en: 'Missing', ru: 'Отсутствует' },
} as const

/**
 * The language being written is complete unless staff say otherwise; a save that does not mention
 * the state keeps the one it had (so an API save of the title alone does not clear "outdated").
 */
const defaultToComplete: FieldHook = ({ value, previousValue, siblingData }) =>
  value ?? previousValue ?? (typeof siblingData?.title === 'string' && siblingData.title ? 'complete' : value)

export const translationStateField: Field = {
  name: 'translationState',
  type: 'select',
  localized: true,
  label: { en: 'Translation state of this language', ru: 'Состояние перевода на этом языке' },
  options: translationStates.map((value) => ({ value, label: stateLabels[value] })),
  admin: {
    position: 'sidebar',
    description: {
      en: 'Set automatically to "Outdated" when the title, summary, place or body of a complete other language changes (a re-save with the same words changes nothing). Once this language says the same again, set it back to "Complete". Partial and missing states are never changed automatically. The list of publications shows this state for the language chosen at the top of the admin; the links above the list filter it for either language. The “Both languages” tab shows both versions side by side.',
      ru: 'Ставится на «Устарел» автоматически, когда меняется заголовок, лид, место или текст другого, полного языка (повторное сохранение тех же слов ничего не меняет). Когда этот язык снова говорит то же самое, верните «Полный». Состояния «Частичный перевод» и «Отсутствует» автоматически не меняются. Список публикаций показывает это состояние для языка, выбранного вверху админки; ссылки над списком фильтруют его по любому языку. Вкладка «Оба языка» показывает обе версии рядом.',
    },
  },
  hooks: { beforeChange: [defaultToComplete, markTranslationsOutdated] },
}
