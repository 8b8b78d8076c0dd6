/**
 * Checked by `tsc -p cms` (not run): each `@ts-expect-error` below must meet an error, or the type
 * check fails. It proves that a language cannot lack one of en.ts's words, and that a working
 * language cannot lack its dictionary, so nothing falls back to English unnoticed (docs/adr/0041).
 */
import type { AdminWords } from '../en.ts'
import { ru } from '../ru.ts'
import { adminTranslations } from '../translations.ts'

const withoutSignIn: Omit<AdminWords['twoFactor'], 'signIn'> = ru.twoFactor
const withoutDraftsOnly: Omit<AdminWords['access'], 'draftsOnly'> = ru.access

// @ts-expect-error: a component word missing from a language
export const missingComponentWord: AdminWords = { ...ru, twoFactor: withoutSignIn }

// @ts-expect-error: a server message missing from a language
export const missingServerWord: AdminWords = { ...ru, access: withoutDraftsOnly }

// @ts-expect-error: a working language without its dictionary
export const missingLanguage: typeof adminTranslations = { en: adminTranslations.en }
