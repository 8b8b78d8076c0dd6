import { isLocale, type Locale } from '@pressroom/shared'
import type { PayloadRequest } from 'payload'
import { cmsPublicUrl } from '../http/cmsOrigin.ts'

/**
 * The e-mails Payload sends to staff (docs/adr/0033), in the admin language of the request that
 * caused them: the one the staff member's browser uses for the admin (Payload's language cookie,
 * else Accept-Language).
 */

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

export const staffLanguage = (req: PayloadRequest): Locale => (isLocale(req.i18n?.language) ? req.i18n.language : 'en')

/** An address in the admin, on the CMS's public URL (CMS_URL). */
function adminUrl(req: PayloadRequest, path: string): string {
  const base = cmsPublicUrl(req.payload).replace(/\/+$/, '')
  return `${base}${req.payload.config.routes.admin}${path}`
}

const link = (url: string) => `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>`
const page = (locale: Locale, paragraphs: string[]) =>
  `<!doctype html><html lang="${locale}"><body>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</body></html>`

type ResetArgs = { req?: PayloadRequest; token?: string; user?: { email?: string | null } }

const resetTexts: Record<Locale, { subject: string; body: (email: string, url: string) => string[] }> = {
  en: {
    subject: 'Reset your press room password',
    body: (email, url) => [
      `Someone, hopefully you, asked to reset the password of the press room account ${email}.`,
      `Choose a new password here: ${url}`,
      'The link works once, within an hour. If you did not ask for this, ignore this e-mail: your password stays as it is.',
    ],
  },
  ru: {
    subject: 'Сброс пароля пресс-центра',
    body: (email, url) => [
      `Кто-то, надеемся, вы, попросил сбросить пароль учётной записи ${email} в пресс-центре.`,
      `Задайте новый пароль здесь: ${url}`,
      'Ссылка действует один раз в течение часа. Если вы этого не просили, не обращайте внимания на это письмо: пароль останется прежним.',
    ],
  },
}

/** Payload's forgotPassword options for Users: the reset e-mail in the staff member's language. */
export const passwordResetEmail = {
  // Payload's own 15-second guard writes beside the operation's transaction, which SQLite's one
  // writer cannot take (docs/adr/0029); the shared throttle (passwordResetThrottle.ts) limits
  // resets per account and per address instead.
  minRequestInterval: 0,
  generateEmailSubject: ({ req }: ResetArgs = {}) => resetTexts[req ? staffLanguage(req) : 'en'].subject,
  generateEmailHTML: ({ req, token, user }: ResetArgs = {}) => {
    if (!req || !token) throw new Error('A password reset e-mail needs the request and its token.')
    const locale = staffLanguage(req)
    const url = adminUrl(req, `${req.payload.config.admin.routes.reset}/${token}`)
    return page(locale, resetTexts[locale].body(escapeHtml(user?.email ?? ''), link(url)))
  },
}

const alertTexts: Record<
  Locale,
  { subject: string; body: (email: string, when: string, network: string, forgot: string) => string[] }
> = {
  en: {
    subject: 'New sign-in to your press room account',
    body: (email, when, network, forgot) => [
      `Your press room account ${email} was signed in to at ${when} (UTC) from a network it had not been used from before (${network}).`,
      'If this was you, there is nothing to do.',
      `If it was not, change your password at once (${forgot}) and tell an administrator.`,
    ],
  },
  ru: {
    subject: 'Новый вход в вашу учётную запись пресс-центра',
    body: (email, when, network, forgot) => [
      `В вашу учётную запись пресс-центра ${email} вошли ${when} (UTC) из сети, из которой в неё раньше не входили (${network}).`,
      'Если это были вы, ничего делать не нужно.',
      `Если нет, сразу смените пароль (${forgot}) и сообщите администратору.`,
    ],
  },
}

/** The alert sent when an account signs in from a network it was never signed in from. */
export function newSignInEmail(req: PayloadRequest, email: string, network: string, at = new Date()) {
  const locale = staffLanguage(req)
  const when = at.toISOString().slice(0, 16).replace('T', ' ')
  const forgot = link(adminUrl(req, req.payload.config.admin.routes.forgot))
  return {
    to: email,
    subject: alertTexts[locale].subject,
    html: page(locale, alertTexts[locale].body(escapeHtml(email), when, escapeHtml(network), forgot)),
  }
}
