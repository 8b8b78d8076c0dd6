/**
 * Health (docs/adr/0031-retention-and-health.md): `GET /api/health` for monitoring and the
 * "System status" view in the admin read the same `collectHealth(payload)`. The started CMS notes
 * the sweeper's ticks with `notePulse`; `withMailPulses` wraps the e-mail task.
 */
export { type CheckName, checkNames, collectHealth, type HealthReport, type Problem } from './collectHealth.ts'
export { type HealthAudience, healthAudience, healthEndpoint, reportFor, staffDetails } from './endpoint.ts'
export { forgetPulses, notePulse, type PulseName, pulses } from './pulse.ts'
export { type HealthSettings, healthSettings } from './settings.ts'
export { withMailPulses } from './withRunPulses.ts'
