import path from 'node:path'
import { cmsDataDir } from '../paths.ts'
import type { LimitDatabase } from '../throttle/store.ts'
import { outboxTransport } from './outboxTransport.ts'
import { resendTransport } from './resendTransport.ts'
import { SharedBucket } from './sharedBucket.ts'
import type { MailTransport } from './transport.ts'

export const outboxDir = () => process.env.MAIL_OUTBOX_DIR || path.join(cmsDataDir, 'outbox')

/** Resend when RESEND_API_KEY is set; otherwise the local outbox, and nothing leaves the machine. */
export function mailTransportFromEnv(): MailTransport {
  const apiKey = process.env.RESEND_API_KEY
  return apiKey ? resendTransport(apiKey) : outboxTransport(outboxDir())
}

/**
 * The provider's request limit (RESEND_RATE_LIMIT requests a second, default 2), shared through
 * the database by every worker of every CMS process. It runs 10 % under the limit: a request
 * leaves some milliseconds after its turn (a busy database, a busy process, the network), and
 * six turns 1.11 s apart at 5 a second still reach the provider more than a second apart unless
 * one is over 110 ms late; one that lands early costs a 429 and a second's wait.
 */
export function providerBucket(database: LimitDatabase): SharedBucket {
  const rate = Number(process.env.RESEND_RATE_LIMIT || 2)
  if (!(rate > 0)) throw new Error(`RESEND_RATE_LIMIT must be a number above zero (requests a second), not "${rate}".`)
  return new SharedBucket(database, rate * 0.9)
}

/**
 * How long the provider remembers an idempotency key (MAIL_IDEMPOTENCY_WINDOW_HOURS, default 24:
 * Resend's). A batch whose first attempt is older than that is never sent again without staff.
 */
export function idempotencyWindowMs(): number {
  const hours = Number(process.env.MAIL_IDEMPOTENCY_WINDOW_HOURS || 24)
  if (!(hours > 0)) {
    throw new Error(
      `MAIL_IDEMPOTENCY_WINDOW_HOURS must be a number of hours above zero (Resend keeps keys 24 hours), not "${process.env.MAIL_IDEMPOTENCY_WINDOW_HOURS}".`,
    )
  }
  return hours * 3_600_000
}
