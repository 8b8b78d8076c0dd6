import { RateLimiterRes } from 'rate-limiter-flexible'
import { type LimitDatabase, sharedLimiter } from './store.ts'

/**
 * Failures allowed for free, then a growing wait before each further attempt: `firstDelay`
 * seconds after the first failure past the free ones, doubling with each one after it up to
 * `maxDelay`. Counts live `window` seconds from the first failure. A wait, never a lock: once it
 * has passed, the right password gets in (docs/adr/0027).
 */
export type DelayRule = {
  name: string
  free: number
  firstDelay: number
  maxDelay: number
  window: number
}

/** Seconds the next attempt must wait after `failures` failures. */
export function delayAfter(rule: DelayRule, failures: number): number {
  if (failures <= rule.free) return 0
  return Math.min(rule.firstDelay * 2 ** Math.min(failures - rule.free - 1, 30), rule.maxDelay)
}

const refusedWait = (error: unknown): number => {
  if (error instanceof RateLimiterRes) return Math.max(error.msBeforeNext, 1)
  throw error
}

/**
 * One rule's two counters in the shared store: attempts in the window, and a gate that stays
 * closed for the current delay. Attempts are counted before they are made, so every failure
 * counts however the sign-in fails; a success takes its own count back (`refund`, `forget`).
 */
export class GrowingDelay {
  private readonly attempts
  private readonly gate

  constructor(
    database: LimitDatabase,
    readonly rule: DelayRule,
  ) {
    this.attempts = sharedLimiter(database, { keyPrefix: rule.name, points: 1e9, duration: rule.window })
    this.gate = sharedLimiter(database, { keyPrefix: `${rule.name}-wait`, points: 1, duration: rule.maxDelay })
  }

  /** Milliseconds until the gate opens for `key`, 0 when it is open. */
  async waiting(key: string): Promise<number> {
    const closed = await this.gate.get(key)
    return closed && closed.msBeforeNext > 0 ? closed.msBeforeNext : 0
  }

  /** Counts one attempt; past the free ones it closes the gate behind it. Returns a wait when another attempt closed the gate first. */
  async attempt(key: string): Promise<number> {
    const { consumedPoints } = await this.attempts.consume(key)
    const delay = delayAfter(this.rule, consumedPoints)
    if (delay === 0) return 0
    return this.gate.consume(key, 1, { customDuration: delay }).then(() => 0, refusedWait)
  }

  /** Takes back one counted attempt (it succeeded, or was never made). */
  async refund(key: string): Promise<void> {
    await this.attempts.reward(key)
  }

  /** Forgets every failure and opens the gate. */
  async forget(key: string): Promise<void> {
    await Promise.all([this.attempts.delete(key), this.gate.delete(key)])
  }
}
