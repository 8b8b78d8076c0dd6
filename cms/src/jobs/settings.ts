/**
 * How long a running job's lease lasts and how often it is renewed and checked (docs/adr/0026).
 * Read from the environment each time: tests and the crash test shorten it between runs.
 */
export type JobLeaseSettings = {
  /** JOBS_LEASE_SECONDS: a job whose heartbeat is older than this was left by a stopped process. */
  leaseMs: number
  /** How often a running job refreshes its heartbeat: six times a lease. */
  heartbeatMs: number
  /** How often the sweeper looks for expired leases: three times a lease. */
  sweepMs: number
  /** JOBS_MAX_TAKEOVERS: a job whose process stopped more often than this is not run again. */
  maxTakeovers: number
}

/** A positive number from the environment, or `fallback` when unset; anything else stops with what to set. */
export function positiveSetting(name: string, fallback: number): number {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(`${name}=${raw} is not a positive number. Set it to e.g. ${fallback}, or unset it.`)
  }
  return value
}

export function jobLeaseSettings(): JobLeaseSettings {
  const leaseMs = positiveSetting('JOBS_LEASE_SECONDS', 30) * 1000
  return {
    leaseMs,
    heartbeatMs: Math.max(50, Math.floor(leaseMs / 6)),
    sweepMs: Math.max(100, Math.floor(leaseMs / 3)),
    maxTakeovers: Math.floor(positiveSetting('JOBS_MAX_TAKEOVERS', 3)),
  }
}

/** The instant before which a heartbeat counts as expired. */
export const leaseCutoff = (settings = jobLeaseSettings()) => new Date(Date.now() - settings.leaseMs).toISOString()
