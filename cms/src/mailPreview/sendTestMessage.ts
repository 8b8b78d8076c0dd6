import { randomUUID } from 'node:crypto'
import type { Locale } from '@pressroom/shared'
import type { Payload } from 'payload'
import { mailTransportFromEnv, type OutgoingMessage, providerBucket } from '../mail/index.ts'
import { markAsTest } from './markAsTest.ts'

export type TestSendRequest = {
  /** The message as a recipient would get it (its `to` is replaced). */
  message: OutgoingMessage
  locale: Locale
  staff: { id: number | string; email: string; name: string }
  /** What was tested, for the log: `press-releases` 12, `dispatches` 3. */
  source: { collection: string; id: number; label: string }
}

export class TestSendFailed extends Error {}

const attempts = 3

/**
 * Sends one message, marked as a test, to the staff member's own address through the real
 * transport (the local outbox, or the provider with RESEND_API_KEY), taking its turn in the
 * provider's shared rate limit, and records it in `test-sends`. It bypasses the delivery core on
 * purpose: no send, no delivery, no dispatch log row, so no count anywhere moves.
 */
export async function sendTestMessage(payload: Payload, request: TestSendRequest): Promise<{ providerId: string }> {
  const message = markAsTest({ ...request.message, to: request.staff.email }, request.locale, request.staff.name)
  const transport = mailTransportFromEnv()
  const bucket = providerBucket(payload)
  const key = `test-send-${randomUUID()}`
  let providerId: string | undefined
  for (let attempt = 1; providerId === undefined; attempt++) {
    const outcome = await transport.sendBatch([message], key, { beforeRequest: () => bucket.take() })
    if (outcome.kind === 'accepted') {
      const result = outcome.results[0]
      if (result && 'id' in result) providerId = result.id
      else throw new TestSendFailed(result?.error ?? 'no answer')
    } else if (outcome.kind === 'rejected' || attempt === attempts) {
      throw new TestSendFailed(outcome.reason)
    } else {
      await new Promise((resolve) => setTimeout(resolve, Math.min(outcome.afterMs, 2000)))
    }
  }
  await payload.create({
    collection: 'test-sends',
    data: {
      sentBy: request.staff.id as number,
      to: request.staff.email,
      subject: message.subject,
      locale: request.locale,
      sourceCollection: request.source.collection,
      sourceId: request.source.id,
      label: request.source.label,
      transport: transport.name,
      providerId,
    },
  })
  payload.logger.info(
    { testSend: key, to: request.staff.email, source: request.source, locale: request.locale, providerId },
    'Test e-mail sent',
  )
  return { providerId }
}
