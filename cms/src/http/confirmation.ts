import { createHmac, timingSafeEqual } from 'node:crypto'
import type { Payload } from 'payload'

/**
 * The token a confirmation step shows with its counts and an action endpoint wants back
 * (docs/adr/0039): a digest of what is confirmed (the action, its target and the counts), signed
 * with the CMS's secret. A request without it was never shown the counts; one with an old token
 * was shown counts that have changed since.
 */
export function confirmationToken(payload: Payload, subject: string, counts: unknown): string {
  return createHmac('sha256', payload.secret)
    .update(`${subject}\n${JSON.stringify(counts)}`)
    .digest('base64url')
    .slice(0, 32)
}

export type ConfirmationCheck = 'confirmed' | 'missing' | 'changed'

/** Whether `given` (the request body's `confirmation`) confirms exactly these counts. */
export function checkConfirmation(
  payload: Payload,
  given: unknown,
  subject: string,
  counts: unknown,
): ConfirmationCheck {
  if (typeof given !== 'string' || given === '') return 'missing'
  const expected = Buffer.from(confirmationToken(payload, subject, counts))
  const received = Buffer.from(given)
  return expected.length === received.length && timingSafeEqual(expected, received) ? 'confirmed' : 'changed'
}
