import path from 'node:path'
import { cmsDataDir } from '../paths.ts'
import { outboxTransport } from './outboxTransport.ts'
import { resendTransport } from './resendTransport.ts'
import { TokenBucket } from './tokenBucket.ts'
import type { MailTransport } from './transport.ts'

export const outboxDir = () => process.env.MAIL_OUTBOX_DIR || path.join(cmsDataDir, 'outbox')

/** Resend when RESEND_API_KEY is set; otherwise the local outbox, and nothing leaves the machine. */
export function mailTransportFromEnv(): MailTransport {
  const apiKey = process.env.RESEND_API_KEY
  return apiKey ? resendTransport(apiKey) : outboxTransport(outboxDir())
}

let bucket: { rate: number; bucket: TokenBucket } | undefined

/**
 * One bucket per process for the provider's rate limit (RESEND_RATE_LIMIT requests a second,
 * default 2). It runs 5 % under the limit: the provider counts requests in whole-second
 * windows, and a request a millisecond early lands in the previous one and costs a 429 and
 * a second's wait.
 */
export function providerBucket(): TokenBucket {
  const rate = Number(process.env.RESEND_RATE_LIMIT || 2)
  if (!(rate > 0)) throw new Error(`RESEND_RATE_LIMIT must be a number above zero (requests a second), not "${rate}".`)
  if (bucket?.rate !== rate) bucket = { rate, bucket: new TokenBucket(rate * 0.95, 1) }
  return bucket.bucket
}
