import type { Locale } from '@pressroom/shared'
import type { SignInRule } from './signInThrottle.ts'

type Unit = 'second' | 'minute' | 'hour'

// After "in" / «через»: Russian needs the accusative (1 минуту), which Intl's unit names lack.
const unitNames: Record<Locale, Record<Unit, Partial<Record<Intl.LDMLPluralRule, string>>>> = {
  en: {
    second: { one: 'second', other: 'seconds' },
    minute: { one: 'minute', other: 'minutes' },
    hour: { one: 'hour', other: 'hours' },
  },
  ru: {
    second: { one: 'секунду', few: 'секунды', many: 'секунд', other: 'секунды' },
    minute: { one: 'минуту', few: 'минуты', many: 'минут', other: 'минуты' },
    hour: { one: 'час', few: 'часа', many: 'часов', other: 'часа' },
  },
}

/** "40 seconds", "3 minutes", «1 час», rounded up so that trying then always works. */
export function waitText(locale: Locale, waitMs: number): string {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000))
  const [count, unit]: [number, Unit] =
    seconds < 60
      ? [seconds, 'second']
      : seconds < 3600
        ? [Math.ceil(seconds / 60), 'minute']
        : [Math.ceil(seconds / 3600), 'hour']
  const form = new Intl.PluralRules(locale).select(count)
  const names = unitNames[locale][unit]
  return `${count} ${names[form] ?? names.other}`
}

const messages: Record<Locale, Record<SignInRule, (wait: string) => string>> = {
  en: {
    accountFromAddress: (wait) =>
      `Too many wrong passwords for this account from your network. The password was not checked: try again in ${wait}.`,
    address: (wait) =>
      `Too many failed sign-ins from your network. The password was not checked: try again in ${wait}.`,
    account: (wait) =>
      `Too many failed sign-ins to this account from unfamiliar networks. The password was not checked: try again in ${wait}, or sign in from a network you have signed in from before.`,
  },
  ru: {
    accountFromAddress: (wait) =>
      `Слишком много неверных паролей к этой учётной записи из вашей сети. Пароль не проверялся: попробуйте снова через ${wait}.`,
    address: (wait) =>
      `Слишком много неудачных попыток входа из вашей сети. Пароль не проверялся: попробуйте снова через ${wait}.`,
    account: (wait) =>
      `Слишком много неудачных попыток входа в эту учётную запись из незнакомых сетей. Пароль не проверялся: попробуйте снова через ${wait} или войдите из сети, из которой уже входили.`,
  },
}

/** Why the attempt was refused and when to try again, in the staff member's admin language. */
export function signInWaitMessage(locale: Locale, rule: SignInRule, waitMs: number): string {
  return messages[locale][rule](waitText(locale, waitMs))
}
