import type { Field } from 'payload'
import { defaultLanguageChoices, languageFormats } from './languageChoices.ts'

/** The subscriber's language-aware announcement choices as fields of `subscribers` (docs/adr/0045). */
export const languageChoiceFields: Field[] = [
  {
    name: 'languageNotices',
    type: 'checkbox',
    defaultValue: defaultLanguageChoices.languageNotices,
    label: {
      en: 'Notices when a publication exists only in another language',
      ru: 'Уведомления, когда публикация есть только на другом языке',
    },
  },
  {
    name: 'languageFormat',
    type: 'select',
    defaultValue: defaultLanguageChoices.languageFormat,
    options: [
      { value: languageFormats[0], label: { en: 'One e-mail per language', ru: 'Письмо на каждом языке' } },
      { value: languageFormats[1], label: { en: 'One bilingual e-mail', ru: 'Одно двуязычное письмо' } },
    ],
    label: { en: 'With several languages', ru: 'Если языков несколько' },
  },
]
