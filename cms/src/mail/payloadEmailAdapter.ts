import { randomUUID } from 'node:crypto'
import { APIError, type EmailAdapter, type SendEmailOptions } from 'payload'
import { mailTransportFromEnv } from './config.ts'
import type { OutgoingMessage } from './message.ts'
import { sleep } from './tokenBucket.ts'

type Address = string | { address: string; name?: string }

const plain = (address: Address): string =>
  typeof address === 'string' ? address : address.name ? `"${address.name}" <${address.address}>` : address.address

/** One recipient: staff mail (password resets, sign-in alerts) always goes to one person. */
function recipientOf(to: SendEmailOptions['to']): string {
  const first = Array.isArray(to) ? to[0] : to
  if (!first) throw new APIError('The e-mail has no recipient.', 500)
  return plain(first as Address)
}

/** What a mail program shows without HTML: the text with tags dropped and links kept. */
export function textFromHtml(html: string): string {
  return html
    .replace(/<a\s[^>]*href="([^"]*)"[^>]*>([^<]*)<\/a>/gi, (_, href: string, label: string) =>
      label.trim() === href ? href : `${label} (${href})`,
    )
    .replace(/<br\s*\/?>|<\/p>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

const retries = 3

/**
 * Payload's own e-mail (password resets, sign-in alerts: docs/adr/0033) through the press room's
 * transport: the local outbox by default, Resend with RESEND_API_KEY (src/mail/config.ts). The
 * message is sent while the staff member waits, not queued, so a failure is told to them at once.
 */
export const pressroomEmailAdapter =
  (from = process.env.MAIL_FROM || 'Press room <press@pressroom.localhost>'): EmailAdapter =>
  () => {
    const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(from)
    return {
      name: 'pressroom-transport',
      defaultFromName: match?.[1]?.trim() || 'Press room',
      defaultFromAddress: match?.[2]?.trim() || from.trim(),
      async sendEmail(options) {
        const html = typeof options.html === 'string' ? options.html : ''
        const message: OutgoingMessage = {
          from: options.from ? plain(options.from as Address) : from,
          to: recipientOf(options.to),
          subject: String(options.subject ?? ''),
          html,
          text: typeof options.text === 'string' ? options.text : textFromHtml(html),
        }
        const transport = mailTransportFromEnv()
        const key = `staff-${randomUUID()}`
        for (let attempt = 1; ; attempt++) {
          const outcome = await transport.sendBatch([message], key)
          if (outcome.kind === 'accepted') {
            const result = outcome.results[0]
            if (result && 'id' in result) return { id: result.id }
            throw new APIError(`The e-mail was refused: ${result?.error ?? 'no answer'}.`, 502, undefined, true)
          }
          if (outcome.kind === 'rejected' || attempt === retries) {
            throw new APIError(
              `The e-mail could not be sent (${outcome.reason}). Try again in a minute; if it keeps failing, an administrator should check RESEND_API_KEY.`,
              503,
              undefined,
              true,
            )
          }
          await sleep(Math.min(outcome.afterMs, 2000))
        }
      },
    }
  }
