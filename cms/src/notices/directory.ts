import { type Locale, locales } from '@pressroom/shared'
import countries from 'i18n-iso-countries'
import type { AdminSay } from '../i18n/admin/adminT.ts'
import { isValidEmail } from '../mail/address.ts'

/**
 * What a recipient of formal notices is and how it may be reached. One list per choice, read by
 * the collections, the CSV import and export, dispatch planning and the dispatch log.
 */
export const recipientKinds = [
  { value: 'embassy', label: { en: 'Embassy', ru: 'Посольство' } },
  { value: 'ministry', label: { en: 'Ministry', ru: 'Министерство' } },
  { value: 'parliament-member', label: { en: 'Member of parliament', ru: 'Член парламента' } },
  { value: 'committee', label: { en: 'Committee', ru: 'Комитет' } },
  { value: 'media-desk', label: { en: 'Media desk', ru: 'Редакция СМИ' } },
  {
    value: 'international-organisation',
    label: { en: 'International organisation', ru: 'Международная организация' },
  },
  { value: 'other', label: { en: 'Other', ru: 'Другое' } },
] as const
export type RecipientKind = (typeof recipientKinds)[number]['value']

export const deliveryChannels = [
  { value: 'email', label: { en: 'E-mail', ru: 'Электронная почта' } },
  { value: 'post', label: { en: 'Post', ru: 'Почта' } },
  { value: 'hand-delivery', label: { en: 'Hand delivery', ru: 'Вручение лично' } },
  { value: 'fax', label: { en: 'Fax', ru: 'Факс' } },
  { value: 'via-embassy', label: { en: 'Through an embassy', ru: 'Через посольство' } },
] as const
export type DeliveryChannel = (typeof deliveryChannels)[number]['value']
/** Channels staff carry out and record by hand, with a proof. */
export const manualChannels = deliveryChannels.filter((c) => c.value !== 'email')

/** Where a dispatch stands for one recipient (a row of the dispatch log). */
export const dispatchRecipientStatuses = [
  { value: 'queued', label: { en: 'Queued', ru: 'В очереди' } },
  { value: 'sent', label: { en: 'Sent', ru: 'Отправлено' } },
  { value: 'delivered', label: { en: 'Delivered', ru: 'Доставлено' } },
  { value: 'bounced', label: { en: 'Bounced', ru: 'Не доставлено' } },
  { value: 'acknowledged', label: { en: 'Acknowledged', ru: 'Получение подтверждено' } },
  { value: 'manual', label: { en: 'Delivered by staff', ru: 'Доставлено сотрудниками' } },
] as const
export type DispatchRecipientStatus = (typeof dispatchRecipientStatuses)[number]['value']

/** The working languages from @pressroom/shared, as select options. */
export const languageOptions: readonly { value: Locale; label: string }[] = locales.map((l) => ({
  value: l.code,
  label: l.nativeLabel,
}))

export const isRecipientKind = (value: string): value is RecipientKind => recipientKinds.some((k) => k.value === value)
export const isDeliveryChannel = (value: string): value is DeliveryChannel =>
  deliveryChannels.some((c) => c.value === value)

/** The same address check as subscriptions (mail/address.ts), with a message that says what is wrong. */
export function emailProblem(value: string, say: AdminSay<'validation'>): string | null {
  if (value.length > 254) return say('emailTooLong', { start: value.slice(0, 40) })
  if (!isValidEmail(value)) return say('notAnEmail', { value })
  return null
}

export function countryProblem(value: string, say: AdminSay<'validation'>): string | null {
  if (!/^[A-Z]{2}$/.test(value) || !countries.isValid(value)) return say('notACountry', { value })
  return null
}

/** Which channel a notice goes out on: e-mail when preferred and possible, else the first preferred manual channel. */
export function chooseChannel(preferred: readonly string[], emails: readonly string[]): DeliveryChannel {
  const usable = preferred.filter(isDeliveryChannel).filter((c) => c !== 'email' || emails.length > 0)
  if (usable[0]) return usable[0]
  return emails.length > 0 ? 'email' : 'post'
}
