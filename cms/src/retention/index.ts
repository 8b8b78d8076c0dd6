/**
 * Retention (docs/adr/0031-retention-and-health.md): old site-build records, releases, the site's
 * edition cache, stored e-mail payloads, webhook events and outbox files are pruned by the
 * `pruneOldData` job (nightly, RETENTION_* settings); erasing a subscriber calls
 * `forgetAddressInMailRecords` so the address leaves webhook events and the outbox too.
 */
export { forgetAddressInMailRecords } from './forgetAddress.ts'
export { pruneOldDataTask, retentionTaskSlug } from './retentionTask.ts'
export { type RetentionReport, runRetention, siteCacheDir } from './runRetention.ts'
export { type RetentionSettings, retentionSettings } from './settings.ts'
