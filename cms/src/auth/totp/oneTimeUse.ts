import type { Payload } from 'payload'
import { limitKey, sharedLimiter } from '../../throttle/store.ts'
import { period } from './codes.ts'

/**
 * A code counts once: its first use claims a row in the shared rate-limit store (one atomic
 * upsert, so two sign-ins racing with one code cannot both win, in one process or several).
 * A TOTP code's claim outlives the steps it is accepted in; a recovery code's lasts for years.
 */
const uses = {
  step: { keyPrefix: 'totp-step', points: 1, duration: 5 * period },
  recovery: { keyPrefix: 'totp-recovery', points: 1, duration: 10 * 365 * 24 * 60 * 60 },
}

export async function claimOnce(payload: Payload, kind: keyof typeof uses, ...parts: string[]): Promise<boolean> {
  try {
    await sharedLimiter(payload, uses[kind]).consume(limitKey(...parts))
    return true
  } catch (error) {
    // The limiter rejects with its result object when the row was claimed; a real failure is an Error.
    if (error instanceof Error) throw error
    return false
  }
}
