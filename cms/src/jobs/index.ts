/**
 * Jobs that survive the death of their process (docs/adr/0026-jobs-survive-a-dead-process.md).
 * Payload marks a job `processing` and never resets it if the process dies; here every running
 * job keeps a lease in the database (its `updated_at`, refreshed by a heartbeat) and a sweeper
 * inside the CMS makes jobs with an expired lease runnable again. The config wraps its tasks with
 *
 *   export default withJobLeases(scheduledPublishOnce(buildConfig({ … })))
 *
 * and the started CMS calls `startJobSweeper(payload, recoveries)` once.
 */
export { type Heartbeat, keepAlive, type LeasedTable } from './heartbeat.ts'
export { scheduledPublishOnce } from './scheduledPublishOnce.ts'
export { type JobLeaseSettings, jobLeaseSettings, leaseCutoff } from './settings.ts'
export { type Recovery, startJobSweeper } from './startJobSweeper.ts'
export { type SweepResult, sweepStaleJobs, type TakeoverError } from './sweepStaleJobs.ts'
export { withJobHeartbeat, withJobLeases } from './withJobLeases.ts'
