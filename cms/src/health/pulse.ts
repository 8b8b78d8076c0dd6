/**
 * Moments the job machinery of this process was last seen working: the stale-job sweeper's
 * ticks and the e-mail job's runs and failures (docs/adr/0031). Kept on `globalThis`, because Next bundles the
 * server's start-up (instrumentation.ts, which starts the sweeper and the runner) apart from the
 * route that answers /api/health, and both run in one process.
 */
export type PulseName = 'sweeper' | 'mailStarted' | 'mailFinished' | 'mailFailed'

type Pulses = Partial<Record<PulseName, number>>

const key = Symbol.for('pressroom.health.pulses')
const store = (): Pulses => {
  const holder = globalThis as { [key]?: Pulses }
  holder[key] ??= {}
  return holder[key]
}

export function notePulse(name: PulseName, at = Date.now()): void {
  store()[name] = at
}

/** When each pulse was last noted in this process (ms since the epoch), if ever. */
export function pulses(): Pulses {
  return { ...store() }
}

/** For tests: forget every pulse, as a fresh process would. */
export function forgetPulses(): void {
  for (const name of Object.keys(store()) as PulseName[]) delete store()[name]
}
