import { RateLimiterRes } from 'rate-limiter-flexible'
import { clientKey } from '../http/clientAddress.ts'
import { type LimitDatabase, limitKey, sharedLimiter } from '../throttle/store.ts'

/**
 * Subscribe requests per client (its real address, docs/adr/0027) and window, counted in the
 * database so every CMS process shares the count. SUBSCRIBE_RATE_LIMIT is "requests/seconds"
 * (default 10/60).
 */
export function subscribeLimit(value = process.env.SUBSCRIBE_RATE_LIMIT || '10/60') {
  const match = /^(\d+)\/(\d+)$/.exec(value)
  if (!match) throw new Error(`SUBSCRIBE_RATE_LIMIT must look like 10/60 (requests/seconds), not "${value}".`)
  return { keyPrefix: 'subscribe', points: Number(match[1]), duration: Number(match[2]) }
}

/** Milliseconds to wait when the request's client is over the limit, 0 when it may go ahead. */
export async function subscribeWait(database: LimitDatabase, request: Request): Promise<number> {
  const limiter = sharedLimiter(database, subscribeLimit())
  try {
    await limiter.consume(limitKey(clientKey(request.headers)))
    return 0
  } catch (refused) {
    if (refused instanceof RateLimiterRes) return Math.max(refused.msBeforeNext, 1)
    throw refused
  }
}
