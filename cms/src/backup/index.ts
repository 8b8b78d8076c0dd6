/**
 * Backup and restore of a whole press room (docs/adr/0030). The one call for each:
 * `createBackup(currentInstall(), { archive })` while the CMS runs, and
 * `restoreBackup(archive, currentInstall(), { force })` with the CMS stopped. `./pressroom backup`
 * and `./pressroom restore` (scripts/src/backup.ts, restore.ts) are these calls with arguments;
 * the start takes a backup by itself before a schema push changes an embedded database
 * (src/db/pushSchemaSafely.ts).
 */
export { type BackupOptions, type BackupResult, createBackup } from './createBackup.ts'
export { currentInstall, type Install } from './install.ts'
export { BackupRefused, type Manifest } from './manifest.ts'
export { verifyArchive } from './readArchive.ts'
export { type RestoreOptions, restoreBackup } from './restoreBackup.ts'
export { minimumPassphraseLength } from './secrets.ts'

/** `pressroom-backup-20261207-081500Z.tar.gz`: sorts by time, one per second. */
export function backupFileName(reason = 'backup', now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)
  return `pressroom-${reason}-${stamp}Z.tar.gz`
}
