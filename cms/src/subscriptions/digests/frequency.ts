import { type DigestFrequency, digestFrequencies } from '@pressroom/shared'
import type { Field } from 'payload'
import { staffOnlyField } from '../../access/index.ts'

/**
 * How often a subscriber is e-mailed (docs/adr/0046): each publication at once (the default, as
 * before digests existed), or one digest a day or a week listing what was released meanwhile.
 */
export { type DigestFrequency, digestFrequencies }
/** The frequencies that get digests, in the order their periods are planned. */
export const digestPeriodKinds = ['daily', 'weekly'] as const
export type DigestPeriodKind = (typeof digestPeriodKinds)[number]

export const isDigestFrequency = (value: unknown): value is DigestFrequency =>
  typeof value === 'string' && (digestFrequencies as readonly string[]).includes(value)

/** ISO weekdays, Monday first: a weekly digest goes on one of them. */
export const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const
export type Weekday = (typeof weekdays)[number]

export const digestFrequencyField: Field = {
  name: 'frequency',
  type: 'select',
  // Not required, so rows from before digests (and callers that do not name it) read as immediate.
  defaultValue: 'immediate',
  index: true,
  options: [
    { value: 'immediate', label: { en: 'Each publication at once', ru: 'Каждую публикацию сразу' } },
    { value: 'daily', label: { en: 'Daily digest', ru: 'Ежедневная сводка' } },
    { value: 'weekly', label: { en: 'Weekly digest', ru: 'Еженедельная сводка' } },
  ],
  label: { en: 'How often', ru: 'Как часто' },
}

const weekdayLabels: Record<Weekday, { en: string; ru: string }> = {
  monday: { en: 'Monday', ru: 'Понедельник' },
  tuesday: { en: 'Tuesday', ru: 'Вторник' },
  wednesday: { en: 'Wednesday', ru: 'Среда' },
  thursday: { en: 'Thursday', ru: 'Четверг' },
  friday: { en: 'Friday', ru: 'Пятница' },
  saturday: { en: 'Saturday', ru: 'Суббота' },
  sunday: { en: 'Sunday', ru: 'Воскресенье' },
}

/** Site settings: the hour (and for weekly digests the weekday) digests go, in the organization's zone. */
export const digestScheduleFields: Field[] = [
  {
    type: 'row',
    fields: [
      {
        name: 'digestHour',
        type: 'number',
        required: true,
        min: 0,
        max: 23,
        defaultValue: 8,
        access: { read: staffOnlyField },
        label: { en: 'Hour digests go (0–23)', ru: 'Час отправки сводок (0–23)' },
        admin: {
          description: {
            en: 'In the organization’s time zone. A digest lists what was released since the previous one.',
            ru: 'По часовому поясу организации. Сводка перечисляет всё выпущенное после предыдущей.',
          },
        },
      },
      {
        name: 'digestWeekday',
        type: 'select',
        required: true,
        defaultValue: 'monday',
        access: { read: staffOnlyField },
        options: weekdays.map((day) => ({ value: day, label: weekdayLabels[day] })),
        label: { en: 'Weekday of weekly digests', ru: 'День еженедельных сводок' },
      },
    ],
  },
]
