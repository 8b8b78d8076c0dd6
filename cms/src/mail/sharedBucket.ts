import { RateLimiterRes } from 'rate-limiter-flexible'
import { type LimitDatabase, sharedLimiter } from '../throttle/store.ts'
import { sleep } from './tokenBucket.ts'

/**
 * How late in its turn a request may still leave. Running 10 % under the limit leaves ~110 ms in
 * any second for requests that leave late; one turn may use half of it.
 */
const lateMs = 50

/** What the worker needs from a request limit: a turn before each request, and a pause for all after a 429. */
export type RequestBucket = {
  /** Resolves when this caller may make one request. */
  take(): Promise<void>
  /** The provider said 429: nobody makes a request for `ms`. */
  drain(ms: number): void | Promise<void>
}

/**
 * The provider's request limit, shared by every worker of every CMS process on the database
 * (docs/adr/0028): a rate-limiter-flexible limiter in the `rate_limits` table that allows one
 * request per `1 / rate` seconds. Requests are thus spread evenly, never sent in bursts at the
 * start of a second, so the provider sees at most `rate` in any second even when its windows
 * and ours do not line up. A waiting worker asks again when the current turn ends.
 */
export class SharedBucket implements RequestBucket {
  private readonly limiter
  private readonly key = 'provider'

  constructor(
    database: LimitDatabase,
    readonly requestsPerSecond: number,
    name = 'mail-provider',
  ) {
    if (!(requestsPerSecond > 0)) throw new Error(`The rate must be above zero (got ${requestsPerSecond}).`)
    this.limiter = sharedLimiter(database, { keyPrefix: name, points: 1, duration: 1 / requestsPerSecond })
  }

  async take(): Promise<void> {
    for (;;) {
      const asked = Date.now()
      const waitMs = await this.limiter.consume(this.key).then(
        () => 0,
        (refused: unknown) => {
          if (refused instanceof RateLimiterRes) return Math.max(refused.msBeforeNext, 1)
          throw refused
        },
      )
      // A turn starts when it was asked for. One that came back late (a busy database or
      // process) would put this request close to the next one: let it go and take the next.
      if (waitMs === 0 && Date.now() - asked <= lateMs) return
      if (waitMs > 0) await sleep(waitMs)
    }
  }

  async drain(ms: number): Promise<void> {
    // Never shorten a longer pause another worker set.
    const current = await this.limiter.get(this.key)
    if (current && current.msBeforeNext >= ms) return
    await this.limiter.block(this.key, ms / 1000)
  }
}
