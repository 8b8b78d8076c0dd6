import type { Locale } from '@pressroom/shared'
import { escapeHtml } from '@pressroom/shared/richtext'
import { t } from '../i18n/reader/index.ts'
import type { OutgoingMessage } from '../mail/index.ts'

/** The header a test carries, so filters and the provider's log can tell it from real mail. */
export const testHeader = 'X-Pressroom-Test'

const bodyTag = /<body[^>]*>/i

/**
 * A message made visibly a test, in the message's own language: "[TEST]"/"[ТЕСТ]" before the
 * subject, a line at the top of both parts, the test header. Headers that invite a mail program
 * to act for the reader (one-click unsubscribe) are dropped: a test has no one to unsubscribe.
 */
export function markAsTest(message: OutgoingMessage, locale: Locale, who: string): OutgoingMessage {
  const banner = t(locale, 'mail.test.banner', { who })
  const bannerHtml = `<div style="background:#fff3cd;border:2px solid #b45309;color:#000;padding:12px;margin:0 0 16px;font:600 15px/1.4 sans-serif">${escapeHtml(banner)}</div>`
  const html = bodyTag.test(message.html)
    ? message.html.replace(bodyTag, (tag) => `${tag}${bannerHtml}`)
    : `${bannerHtml}${message.html}`
  const headers = Object.fromEntries(
    Object.entries(message.headers ?? {}).filter(([name]) => !/^list-unsubscribe/i.test(name)),
  )
  return {
    ...message,
    subject: `${t(locale, 'mail.test.subjectPrefix')} ${message.subject}`,
    html,
    text: `${banner}\n\n${message.text}`,
    headers: { ...headers, [testHeader]: '1' },
    tags: [{ name: 'purpose', value: 'test-send' }],
  }
}
