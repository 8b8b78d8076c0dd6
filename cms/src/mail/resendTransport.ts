import { type CreateEmailOptions, Resend } from 'resend'
import type { OutgoingMessage } from './message.ts'
import type { BatchOutcome, MailTransport, MessageResult } from './transport.ts'

type ResendError = { name?: string; message?: string; statusCode?: number | null }
type Headers = Record<string, string> | null

function toResend(message: OutgoingMessage): CreateEmailOptions {
  return {
    from: message.from,
    to: [message.to],
    subject: message.subject,
    html: message.html,
    text: message.text,
    ...(message.replyTo ? { replyTo: message.replyTo } : {}),
    ...(message.headers ? { headers: message.headers } : {}),
    ...(message.tags ? { tags: message.tags } : {}),
    ...(message.attachments
      ? {
          attachments: message.attachments.map((a) => ({
            filename: a.filename,
            contentType: a.contentType,
            content: a.contentBase64,
          })),
        }
      : {}),
  }
}

/** How long the provider asked us to wait (`retry-after`, seconds), or a default. */
function retryAfterMs(headers: Headers, fallbackMs: number): number {
  const value = Number(headers?.['retry-after'])
  return Number.isFinite(value) && value >= 0 ? Math.max(value * 1000, 50) : fallbackMs
}

function classify(error: ResendError, headers: Headers): BatchOutcome {
  const status = error.statusCode ?? null
  const reason = `${status ?? 'no answer'} ${error.name ?? ''}: ${error.message ?? ''}`.trim()
  if (status === 429) return { kind: 'retry', afterMs: retryAfterMs(headers, 1000), reason }
  // Another request with this key is still being processed: its answer will be replayed to us.
  if (status === 409 && error.name === 'concurrent_idempotent_requests') return { kind: 'retry', afterMs: 500, reason }
  if (status === null || status >= 500) return { kind: 'retry', afterMs: 250, reason }
  return { kind: 'rejected', reason }
}

/**
 * Resend through its SDK: `batch.send` (≤ 100 messages, permissive validation) with the
 * idempotency key. Resend's batch call takes no attachments, so messages with attachments go
 * one by one through `emails.send`, each with the batch key and its index; each request waits
 * for `beforeRequest` (the shared rate limit) first.
 * The SDK reads RESEND_BASE_URL (tests point it at a fake server on loopback).
 */
export function resendTransport(apiKey: string): MailTransport {
  const resend = new Resend(apiKey)
  return {
    name: 'resend',
    maxBatchSize: 100,
    async sendBatch(messages, idempotencyKey, options = {}) {
      const beforeRequest = options.beforeRequest ?? (async () => {})
      if (messages.some((m) => m.attachments?.length)) {
        const results: MessageResult[] = []
        for (const [index, message] of messages.entries()) {
          await beforeRequest()
          const { data, error, headers } = await resend.emails.send(toResend(message), {
            idempotencyKey: `${idempotencyKey}/${index}`,
          })
          if (error) {
            const outcome = classify(error as ResendError, headers as Headers)
            if (outcome.kind === 'retry') return outcome
            results.push({ error: outcome.kind === 'rejected' ? outcome.reason : 'refused' })
          } else results.push({ id: data.id })
        }
        return { kind: 'accepted', results }
      }
      await beforeRequest()
      const { data, error, headers } = await resend.batch.send(messages.map(toResend), {
        idempotencyKey,
        batchValidation: 'permissive',
      })
      if (error) return classify(error as ResendError, headers as Headers)
      // Permissive validation: `data` lists the accepted messages in order, `errors` the refused ones by index.
      const refused = new Map((data.errors ?? []).map((e) => [e.index, e.message]))
      const ids = [...data.data]
      const results: MessageResult[] = messages.map((_, index) => {
        const message = refused.get(index)
        if (message !== undefined) return { error: message }
        const accepted = ids.shift()
        return accepted ? { id: accepted.id } : { error: 'The provider returned no id for this message.' }
      })
      return { kind: 'accepted', results }
    },
  }
}
