/**
 * A token bucket for the provider's request rate: `ratePerSecond` tokens a second, at most
 * `burst` saved up. `take()` resolves when a token is available.
 */
export class TokenBucket {
  private tokens: number
  private last = performance.now()
  private queue: Promise<void> = Promise.resolve()

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst = 1,
  ) {
    if (!(ratePerSecond > 0)) throw new Error(`The rate must be above zero (got ${ratePerSecond}).`)
    this.tokens = burst
  }

  private refill() {
    const now = performance.now()
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.ratePerSecond)
    this.last = now
  }

  /** Waits for a token; callers are served in order. */
  take(): Promise<void> {
    const next = this.queue.then(async () => {
      this.refill()
      if (this.tokens < 1) {
        await sleep(((1 - this.tokens) / this.ratePerSecond) * 1000)
        this.refill()
      }
      this.tokens -= 1
    })
    this.queue = next.catch(() => {})
    return next
  }

  /** After a 429 the provider's clock wins: no token until `ms` from now. */
  drain(ms: number) {
    this.refill()
    this.tokens = Math.min(this.tokens, 0) - (ms / 1000) * this.ratePerSecond
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))
