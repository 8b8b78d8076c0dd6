import { Webhook } from 'svix'

/**
 * A Resend webhook request as Resend sends it: the event as JSON, signed the Svix way with
 * `secret` (a `whsec_…` signing secret), with the given message id and time, or fresh ones.
 */
export function signedWebhookRequest(
  event: unknown,
  secret: string,
  options: { id?: string; at?: Date } = {},
): Request {
  const body = JSON.stringify(event)
  const id = options.id ?? `msg_${Math.random().toString(36).slice(2)}`
  const at = options.at ?? new Date()
  return new Request('https://cms.example.org/mail/webhooks/resend', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'svix-id': id,
      'svix-timestamp': String(Math.floor(at.getTime() / 1000)),
      'svix-signature': new Webhook(secret).sign(id, at, body),
    },
    body,
  })
}
