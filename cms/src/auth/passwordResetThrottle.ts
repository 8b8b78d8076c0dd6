import { APIError, type CollectionBeforeOperationHook } from 'payload'
import { RateLimiterRes } from 'rate-limiter-flexible'
import { clientKey } from '../http/clientAddress.ts'
import { type LimitDatabase, limitKey, sharedLimiter } from '../throttle/store.ts'
import { throttleMessage } from './signInMessages.ts'

const hour = 60 * 60

/**
 * Password-reset requests, counted in the shared store (docs/adr/0027, 0033): each one sends an
 * e-mail, so an outsider must not be able to flood a staff member's inbox or use the CMS to mail
 * whomever they like. Per address over all accounts, and per account over all addresses; the
 * account is counted whether it exists or not, so the answer tells nothing about who is staff.
 */
export const passwordResetRules = {
  address: { keyPrefix: 'password-reset-address', points: 10, duration: hour },
  account: { keyPrefix: 'password-reset-account', points: 3, duration: hour },
}

/** Milliseconds until another request is allowed, 0 when this one may go ahead (and is counted). */
export async function passwordResetWait(database: LimitDatabase, email: string, client: string): Promise<number> {
  const checks: [keyof typeof passwordResetRules, string][] = [
    ['address', limitKey(client)],
    ['account', limitKey(email)],
  ]
  const waits = await Promise.all(
    checks.map(([rule, key]) =>
      sharedLimiter(database, passwordResetRules[rule])
        .consume(key)
        .then(
          () => 0,
          (refused: unknown) => {
            if (refused instanceof RateLimiterRes) return Math.max(refused.msBeforeNext, 1)
            throw refused
          },
        ),
    ),
  )
  return Math.max(...waits)
}

/** Its own name, so that the config logs each refusal as one info line, not an error with a stack. */
export class PasswordResetThrottled extends APIError {
  constructor(message: string) {
    super(message, 429, undefined, true)
    this.name = 'PasswordResetThrottled'
  }
}

/** Users' beforeOperation: refuses a forgot-password request over the limit with 429 and Retry-After. */
export const throttlePasswordReset: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'forgotPassword') return args
  const sent = (args as { data?: { email?: unknown } }).data?.email
  const email = typeof sent === 'string' ? sent.toLowerCase().trim() : ''
  const waitMs = await passwordResetWait(req.payload, email, clientKey(req.headers))
  if (waitMs > 0) {
    const headers = new Headers(req.responseHeaders)
    headers.set('Retry-After', String(Math.ceil(waitMs / 1000)))
    req.responseHeaders = headers
    throw new PasswordResetThrottled(throttleMessage(req, 'passwordReset', waitMs))
  }
  return args
}
