import { createHash } from 'node:crypto'
import { mkdirSync, renameSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import MailComposer from 'nodemailer/lib/mail-composer'
import type { OutgoingMessage } from './message.ts'
import type { MailTransport } from './transport.ts'

/**
 * The .eml file a message becomes; nodemailer builds the MIME (HTML, plain text, attachments).
 * `date` is its Date header: when the outbox took it, so mail programs sort the files rightly.
 */
export async function toEml(message: OutgoingMessage, messageId: string, date: Date): Promise<Buffer> {
  const composer = new MailComposer({
    from: message.from,
    to: message.to,
    subject: message.subject,
    html: message.html,
    text: message.text,
    replyTo: message.replyTo,
    headers: message.headers,
    messageId: `<${messageId}@outbox.pressroom.localhost>`,
    date,
    attachments: message.attachments?.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      content: Buffer.from(a.contentBase64, 'base64'),
    })),
  })
  return composer.compile().build()
}

/**
 * Nothing leaves the machine: every message becomes an .eml file in `dir` (open it in any mail
 * program). A file's name comes from the idempotency key and the message's index, so sending a
 * batch again rewrites the same files instead of adding copies.
 *
 * Each file's Date is the moment it is written, not a fixed instant: a file's bytes were never
 * the same twice anyway (MIME boundaries are random), and no provider compares bodies under an
 * idempotency key here (Resend's transport sends no Date; Resend stamps its own). A retry
 * rewrites the file, and the message then did reach the outbox at that later moment.
 */
export function outboxTransport(dir: string): MailTransport {
  return {
    name: 'outbox',
    maxBatchSize: 100,
    async sendBatch(messages, idempotencyKey) {
      mkdirSync(dir, { recursive: true })
      const stem = createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 24)
      const results = []
      const date = new Date()
      for (const [index, message] of messages.entries()) {
        const id = `outbox-${stem}-${index}`
        const file = path.join(dir, `${id}.eml`)
        const partial = `${file}.partial`
        writeFileSync(partial, await toEml(message, id, date))
        renameSync(partial, file)
        results.push({ id })
      }
      return { kind: 'accepted', results }
    },
  }
}
