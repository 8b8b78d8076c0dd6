import type { Locale } from '@pressroom/shared'
import type { OutgoingMessage } from '../mail/index.ts'
import { privateHeaders } from './staffAnswers.ts'

/** What the admin's preview panel shows of one e-mail. */
export type MailPreview = {
  locale: Locale
  /** Every language this e-mail goes out in, for the panel's language choice. */
  locales: Locale[]
  subject: string
  from: string
  /** Words for "each subscriber" or "each institution": a preview has no one recipient. */
  to: string
  /** Shown in a sandboxed frame (no scripts, no same-origin), never in the admin's own page. */
  html: string
  text: string
  attachments: string[]
}

export function previewAnswer(message: OutgoingMessage, locale: Locale, locales: Locale[], to: string): Response {
  const preview: MailPreview = {
    locale,
    locales,
    subject: message.subject,
    from: message.from,
    to,
    html: message.html,
    text: message.text,
    attachments: (message.attachments ?? []).map((a) => a.filename),
  }
  return Response.json(preview, { headers: privateHeaders })
}
