import type { Payload } from 'payload'
import { jobLeaseSettings } from './settings.ts'
import { sweepStaleJobs } from './sweepStaleJobs.ts'

/** Work that is leased outside the jobs table (e.g. a dispatch being planned), resumed on the same cadence. */
export type Recovery = { name: string; run: (payload: Payload) => Promise<unknown> }

/**
 * Runs the stale-job sweep now (every start of the CMS) and then every third of a lease, inside
 * the CMS: a job whose process stopped is runnable again within a lease and a third of its last
 * heartbeat (docs/adr/0026). Recoveries run after each sweep, each one at a time, without holding
 * up the next sweep. Returns a function that stops it.
 */
export function startJobSweeper(payload: Payload, recoveries: Recovery[] = []): () => void {
  const busy = new Set<string>()
  const once = (name: string, action: () => Promise<unknown>) => {
    if (busy.has(name)) return Promise.resolve()
    busy.add(name)
    return action()
      .catch((error) => payload.logger.error({ err: error }, `${name} failed; it runs again shortly`))
      .finally(() => busy.delete(name))
  }
  const tick = async () => {
    await once('Stale job sweep', () => sweepStaleJobs(payload))
    for (const recovery of recoveries) void once(recovery.name, () => recovery.run(payload))
  }
  void tick()
  const timer = setInterval(tick, jobLeaseSettings().sweepMs)
  timer.unref()
  return () => clearInterval(timer)
}
