import type { PayloadRequest } from 'payload'
import { type AdminSay, adminT } from '../i18n/admin/adminT.ts'
import type { SignInRule } from './signInThrottle.ts'

type Unit = 'second' | 'minute' | 'hour'
/** The plural forms en.ts and ru.ts spell out for each unit; Intl's others (zero, two) read as `other`. */
const forms = ['one', 'few', 'many', 'other'] as const
type Form = (typeof forms)[number]

/**
 * "40 seconds", "3 minutes", «1 час», rounded up so that trying then always works. Payload's `t`
 * picks plural forms by fixed ranges (2-5 "few", over 5 "many"), wrong for Russian (5 минут,
 * 21 минуту), so the form comes from Intl.PluralRules for the admin's language (docs/adr/0041).
 */
export function waitText(say: AdminSay<'signInServer'>, language: string, waitMs: number): string {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000))
  const [count, unit]: [number, Unit] =
    seconds < 60
      ? [seconds, 'second']
      : seconds < 3600
        ? [Math.ceil(seconds / 60), 'minute']
        : [Math.ceil(seconds / 3600), 'hour']
  const rule = new Intl.PluralRules(language).select(count)
  const form: Form = (forms as readonly string[]).includes(rule) ? (rule as Form) : 'other'
  return say(`${unit}:${form}`, { count })
}

/** A throttle's refusal and when to try again, in the staff member's admin language. */
export function throttleMessage(req: PayloadRequest, rule: SignInRule | 'passwordReset', waitMs: number): string {
  const say = adminT(req.i18n.t, 'signInServer')
  return say(rule, { wait: waitText(say, req.i18n.language, waitMs) })
}
