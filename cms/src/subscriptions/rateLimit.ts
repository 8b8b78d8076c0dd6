/**
 * A fixed-window counter per client, in memory (nothing about the client is stored). The client
 * is the first address in X-Forwarded-For, which `next start` fills with the peer's address;
 * behind a proxy, the proxy must set it. SUBSCRIBE_RATE_LIMIT is "requests/seconds" (default 10/60).
 */
export class RateLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>()

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  static fromEnv(value = process.env.SUBSCRIBE_RATE_LIMIT || '10/60'): RateLimiter {
    const match = /^(\d+)\/(\d+)$/.exec(value)
    if (!match) throw new Error(`SUBSCRIBE_RATE_LIMIT must look like 10/60 (requests/seconds), not "${value}".`)
    return new RateLimiter(Number(match[1]), Number(match[2]) * 1000)
  }

  /** Milliseconds to wait when over the limit, 0 when the request may go ahead. */
  hit(client: string, at = Date.now()): number {
    if (this.windows.size > 50_000) {
      for (const [key, w] of this.windows) if (w.resetAt <= at) this.windows.delete(key)
    }
    const window = this.windows.get(client)
    if (!window || window.resetAt <= at) {
      this.windows.set(client, { count: 1, resetAt: at + this.windowMs })
      return 0
    }
    window.count += 1
    return window.count > this.limit ? window.resetAt - at : 0
  }
}

export function clientKey(request: Request): string {
  return request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() || 'unknown'
}
