import type { Locale } from '@pressroom/shared'
import { adminNamespace } from './adminT.ts'
import { type AdminWords, en } from './en.ts'
import { ru } from './ru.ts'

/**
 * For `i18n.translations` in payload.config.ts: the admin's own words in every working language,
 * beside Payload's. A new locale in shared/ needs its dictionary here.
 */
export const adminTranslations: Record<Locale, Record<typeof adminNamespace, AdminWords>> = {
  en: { [adminNamespace]: en },
  ru: { [adminNamespace]: ru },
}
