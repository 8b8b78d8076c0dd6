import type { NestedKeysStripped } from '@payloadcms/translations'
import type { AdminWords } from './en.ts'

/** The namespace of the project's own words among Payload's translations (translations.ts). */
export const adminNamespace = 'pressroom'

/** One screen's group of words in en.ts / ru.ts. */
export type AdminArea = keyof AdminWords
/** A key inside one area, as `t` wants it (nested groups joined by `:`, as Payload joins them). */
export type AdminKey<A extends AdminArea> = NestedKeysStripped<AdminWords[A]>

/** One area's words, as adminT returns them: pure functions that word problems take one. */
export type AdminSay<A extends AdminArea> = (key: AdminKey<A>, vars?: Record<string, unknown>) => string

/** Payload's `t`: from `useTranslation()` in a client component, `i18n` or `req.i18n` on the server. */
export type PayloadT = (key: never, vars?: never) => string

/**
 * One area's words in the admin's language, through Payload's own `t`, so the staff member's
 * language choice applies: `adminT(t, 'heldBatch')('explain', { messages: 2, first, error })`.
 * Only types come from the dictionaries: a client component never bundles them, Payload hands
 * the current language's words to the browser.
 */
export const adminT =
  <A extends AdminArea>(t: PayloadT, area: A) =>
  (key: AdminKey<A>, vars?: Record<string, unknown>): string =>
    t(`${adminNamespace}:${area}:${key}` as never, vars as never)
