/** Texts of the admin's two-factor screens, in the admin languages. */
export const texts = {
  en: {
    signIn: 'Sign in',
    email: 'Email',
    password: 'Password',
    code: 'Code from your authenticator app',
    codeHint: 'Only if two-factor sign-in is on for you. A recovery code works too.',
    forgot: 'Forgot password?',
    signingIn: 'Signing in…',
    failed: 'Sign-in failed. Check your e-mail address and password.',
    heading: 'Two-factor sign-in',
    on: 'Two-factor sign-in is on.',
    off: 'Two-factor sign-in is off: your password alone signs you in.',
    codesLeft: (n: number) => `Recovery codes left: ${n}.`,
    required: 'Administrators must use two-factor sign-in here.',
    mustEnrol:
      'Administrators must set up two-factor sign-in before they can do anything else. It takes a minute: you need an authenticator app on your phone (for example Aegis, FreeOTP, Google Authenticator or 1Password).',
    start: 'Set up two-factor sign-in',
    scan: 'Scan this QR code with your authenticator app, or type the key below into it. Then enter the 6-digit code the app shows.',
    secretLabel: 'Key',
    confirm: 'Turn on',
    confirmCode: '6-digit code',
    saveCodes:
      'Two-factor sign-in is on. These recovery codes each sign you in once if you lose your phone. Save them somewhere safe now: they are not shown again.',
    saved: 'I have saved the codes',
    turnOff: 'Turn off',
    turnOffHint: 'To turn it off, enter a current code or a recovery code.',
    otherOn: 'This staff member signs in with a code from an authenticator app.',
    otherOff: 'This staff member signs in with a password only.',
    reset: 'Turn off for this staff member',
    resetHint:
      'Only if they lost both their phone and their recovery codes: they can set it up again after signing in.',
    error: 'Something went wrong. Reload the page and try again.',
  },
  ru: {
    signIn: 'Войти',
    email: 'Эл. почта',
    password: 'Пароль',
    code: 'Код из приложения-аутентификатора',
    codeHint: 'Только если у вас включён двухфакторный вход. Подойдёт и код восстановления.',
    forgot: 'Забыли пароль?',
    signingIn: 'Вход…',
    failed: 'Не удалось войти. Проверьте адрес эл. почты и пароль.',
    heading: 'Двухфакторный вход',
    on: 'Двухфакторный вход включён.',
    off: 'Двухфакторный вход выключен: для входа достаточно пароля.',
    codesLeft: (n: number) => `Осталось кодов восстановления: ${n}.`,
    required: 'Администраторам здесь необходим двухфакторный вход.',
    mustEnrol:
      'Администраторы должны настроить двухфакторный вход, прежде чем делать что-либо ещё. Это займёт минуту: понадобится приложение-аутентификатор на телефоне (например, Aegis, FreeOTP, Google Authenticator или 1Password).',
    start: 'Настроить двухфакторный вход',
    scan: 'Отсканируйте QR-код приложением-аутентификатором или введите в него ключ ниже. Затем введите 6-значный код, который покажет приложение.',
    secretLabel: 'Ключ',
    confirm: 'Включить',
    confirmCode: '6-значный код',
    saveCodes:
      'Двухфакторный вход включён. Каждый из этих кодов восстановления один раз позволяет войти, если вы потеряете телефон. Сохраните их в надёжном месте сейчас: больше они не будут показаны.',
    saved: 'Я сохранил(а) коды',
    turnOff: 'Отключить',
    turnOffHint: 'Чтобы отключить, введите текущий код или код восстановления.',
    otherOn: 'Этот сотрудник входит с кодом из приложения-аутентификатора.',
    otherOff: 'Этот сотрудник входит только по паролю.',
    reset: 'Отключить для этого сотрудника',
    resetHint:
      'Только если сотрудник потерял и телефон, и коды восстановления: после входа он сможет настроить вход заново.',
    error: 'Что-то пошло не так. Обновите страницу и попробуйте снова.',
  },
}

export type TwoFactorTexts = (typeof texts)['en']
export const textsFor = (language: string): TwoFactorTexts => (language === 'ru' ? texts.ru : texts.en)

/** The first error message of a Payload-shaped answer, or the fallback. */
export async function errorOf(response: Response, fallback: string): Promise<string> {
  const body = (await response.json().catch(() => undefined)) as { errors?: { message?: string }[] } | undefined
  return body?.errors?.[0]?.message ?? fallback
}
