import { isLocale, type Locale } from '@pressroom/shared'
import type { PayloadRequest } from 'payload'

/** What staff read about two-factor sign-in, in the admin languages; each says what to do. */
const messages = {
  en: {
    codeNeeded:
      'Two-factor sign-in is on for this account: enter the 6-digit code from your authenticator app, or one of your recovery codes.',
    codeWrong:
      'The code is wrong, expired or already used. Enter the code your authenticator app shows now, or an unused recovery code.',
    signInFirst: 'Sign in first.',
    sendJson: 'Send a JSON body with Content-Type: application/json.',
    alreadyOn: 'Two-factor sign-in is already on. Turn it off first to move it to another device.',
    notOn: 'Two-factor sign-in is not on for this account.',
    startFirst: 'Start the set-up first: press “Set up two-factor sign-in”.',
    confirmWrong:
      'That code does not match. Check that the phone’s clock is right, then enter the code the app shows now.',
    requiredForAdmins:
      'Two-factor sign-in is required for administrators here (TOTP_REQUIRED_FOR_ADMINS), so it cannot be turned off.',
    adminOnly: 'Only an administrator can turn off two-factor sign-in for another staff member.',
    notFound: 'No staff member with that ID.',
  },
  ru: {
    codeNeeded:
      'Для этой учётной записи включён двухфакторный вход: введите 6-значный код из приложения-аутентификатора или один из кодов восстановления.',
    codeWrong:
      'Код неверен, устарел или уже использован. Введите код, который приложение-аутентификатор показывает сейчас, или неиспользованный код восстановления.',
    signInFirst: 'Сначала войдите.',
    sendJson: 'Отправьте тело запроса в JSON с Content-Type: application/json.',
    alreadyOn: 'Двухфакторный вход уже включён. Чтобы перенести его на другое устройство, сначала отключите его.',
    notOn: 'Для этой учётной записи двухфакторный вход не включён.',
    startFirst: 'Сначала начните настройку: нажмите «Настроить двухфакторный вход».',
    confirmWrong:
      'Код не подходит. Проверьте, что часы телефона идут верно, и введите код, который приложение показывает сейчас.',
    requiredForAdmins:
      'Для администраторов здесь двухфакторный вход обязателен (TOTP_REQUIRED_FOR_ADMINS), поэтому его нельзя отключить.',
    adminOnly: 'Отключить двухфакторный вход другому сотруднику может только администратор.',
    notFound: 'Сотрудника с таким ID нет.',
  },
} satisfies Record<Locale, Record<string, string>>

export type TwoFactorMessage = keyof (typeof messages)['en']

export function twoFactorMessage(req: PayloadRequest, key: TwoFactorMessage): string {
  const language = isLocale(req.i18n?.language) ? req.i18n.language : 'en'
  return messages[language][key]
}
