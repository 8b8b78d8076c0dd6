import type { Locale } from '@pressroom/shared'
import { en } from './en.ts'
import { ru } from './ru.ts'

/**
 * The one lookup for texts the CMS serves to readers and institutions (subscription pages and
 * e-mails, the acknowledgement page, notice e-mails). `{name}` in a text is filled from `params`;
 * a name without a value stays as written, so a forgotten parameter shows rather than vanishes.
 */
export type MessageKey = keyof typeof en

const dictionaries: Record<Locale, Record<MessageKey, string>> = { en, ru }

export function t(locale: Locale, key: MessageKey, params: Record<string, string> = {}): string {
  return dictionaries[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole)
}
