import type { Payload } from 'payload'

type Wakes = { instants: Set<number>; timer?: NodeJS.Timeout; armedFor?: number }

const queues = new Map<string, Wakes>()

/** A job queued in a transaction is visible to the runner only once it commits: a little slack. */
const commitSlackMs = 50

/**
 * Runs `queue` at `at` in this process, so that a job due then (a build once its change has
 * committed or the running build ended, or at an embargo's end; the e-mail planned at that
 * instant) starts on time instead of at the queue's next cron tick (docs/adr/0044). Only a hint:
 * the job is in the database and the cron still runs it if this process stops first. One timer
 * per queue, armed for the earliest instant asked for; the later ones stay remembered and are
 * armed in turn. `enabled: false` (the queue's cron is off, as in tests that count queued jobs)
 * does nothing.
 */
export function wakeQueueAt(payload: Payload, queue: string, at: Date, enabled: boolean, limit = 1): void {
  if (!enabled) return
  const wakes = queues.get(queue) ?? { instants: new Set<number>() }
  queues.set(queue, wakes)
  wakes.instants.add(Math.max(at.getTime(), Date.now()) + commitSlackMs)
  arm(payload, queue, wakes, limit)
}

function arm(payload: Payload, queue: string, wakes: Wakes, limit: number): void {
  if (wakes.instants.size === 0) return
  const next = Math.min(...wakes.instants)
  if (wakes.timer && wakes.armedFor === next) return
  if (wakes.timer) clearTimeout(wakes.timer)
  wakes.armedFor = next
  wakes.timer = setTimeout(
    () => {
      wakes.timer = undefined
      for (const instant of wakes.instants) if (instant <= Date.now()) wakes.instants.delete(instant)
      payload.jobs
        .run({ queue, limit })
        .catch((error: Error) => {
          payload.logger.warn(`Running the ${queue} queue early failed (its cron runs it anyway): ${error.message}`)
        })
        .finally(() => arm(payload, queue, wakes, limit))
    },
    Math.max(0, next - Date.now()),
  )
  // A hint must not keep a process (a script, a test) alive.
  wakes.timer.unref()
}
