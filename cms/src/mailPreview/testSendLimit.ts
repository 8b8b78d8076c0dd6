import { RateLimiterRes } from 'rate-limiter-flexible'
import { type LimitDatabase, limitKey, sharedLimiter } from '../throttle/store.ts'

/**
 * Test sends per staff member (TEST_SEND_RATE_LIMIT "sends/seconds", default 5/60), counted in
 * the shared store so every CMS process agrees: each test is a real message through the
 * provider, and a stuck button must not flood an inbox or the provider's quota.
 */
export function testSendLimit(value = process.env.TEST_SEND_RATE_LIMIT || '5/60') {
  const match = /^(\d+)\/(\d+)$/.exec(value)
  if (!match) throw new Error(`TEST_SEND_RATE_LIMIT must look like 5/60 (sends/seconds), not "${value}".`)
  return { keyPrefix: 'test-send', points: Number(match[1]), duration: Number(match[2]) }
}

/** Milliseconds to wait when this staff member is over the limit, 0 when the test may go (and is counted). */
export async function testSendWait(database: LimitDatabase, staffId: number | string): Promise<number> {
  try {
    await sharedLimiter(database, testSendLimit()).consume(limitKey('test-send', String(staffId)))
    return 0
  } catch (refused) {
    if (refused instanceof RateLimiterRes) return Math.max(refused.msBeforeNext, 1)
    throw refused
  }
}
