import { isLocale } from '@pressroom/shared'
import { isValidEmail, normalizeEmail } from '../mail/index.ts'
import type { SubscribeRequest } from './preferences.ts'
import { fieldValues, type Invalid, validatePreferences } from './validatePreferences.ts'

/** Checks the site's subscribe form: one address, the page language, and the preferences. */
export function validateSubscribe(
  fields: Record<string, unknown>,
  knownTopics: Map<string, number>,
): { ok: true; value: SubscribeRequest } | Invalid {
  const rawEmail = fieldValues(fields.email)
  const email = rawEmail.length === 1 ? normalizeEmail(rawEmail[0]!) : ''
  if (!isValidEmail(email)) return { ok: false, error: 'error.email', field: 'email' }
  const locale = fieldValues(fields.locale)[0] ?? 'en'
  if (!isLocale(locale)) return { ok: false, error: 'error.locale', field: 'locale' }
  const preferences = validatePreferences(fields, knownTopics)
  if (!preferences.ok) return preferences
  return { ok: true, value: { email, locale, ...preferences.value } }
}
