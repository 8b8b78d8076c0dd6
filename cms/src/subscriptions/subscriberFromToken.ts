import type { Payload } from 'payload'
import type { Subscriber } from '../payload-types.ts'
import { type TokenPurpose, verifyToken } from './tokens.ts'

export type TokenProblem = 'error.token' | 'error.expired'

/** The subscriber a link is for, when its token is genuine, of the right purpose and not revoked. */
export async function subscriberFromToken(
  payload: Payload,
  token: unknown,
  purpose: TokenPurpose,
): Promise<{ ok: true; subscriber: Subscriber } | { ok: false; error: TokenProblem }> {
  const check = verifyToken(token, purpose)
  if (!check.ok) return { ok: false, error: check.reason === 'expired' ? 'error.expired' : 'error.token' }
  const subscriber = await payload
    .findByID({ collection: 'subscribers', id: check.claims.subscriber, depth: 0, disableErrors: true })
    .catch(() => null)
  if (!subscriber || subscriber.tokenVersion !== check.claims.version || subscriber.endReason === 'erased') {
    return { ok: false, error: 'error.token' }
  }
  return { ok: true, subscriber }
}
