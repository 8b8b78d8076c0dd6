import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { cmsDataDir } from '@pressroom/cms/paths'
import type { SeedResult } from '@pressroom/cms/seed'

export type PreparedDatabase = SeedResult & {
  /** The backup the start wrote before a schema push changed the embedded database, if it had to. */
  upgradeBackup: string | null
}

/** Where `./pressroom backup` and the start's automatic backups go unless told otherwise. */
export const backupDir = () => path.resolve(process.env.BACKUP_DIR || path.join(cmsDataDir, 'backups'))

/**
 * Brings the database up to the current schema (SQLite: schema push, after a backup if it
 * changes an existing database; PostgreSQL: committed migrations) and seeds it, through
 * Payload's Local API, then lets go of the database.
 */
export async function prepareAndSeed(log: (message: string) => void = console.log): Promise<PreparedDatabase> {
  mkdirSync(cmsDataDir, { recursive: true })
  const [{ default: config }, { seed }, { databaseKind }, { getPayloadWithSafePush }, backups] = await Promise.all([
    import('@pressroom/cms/config'),
    import('@pressroom/cms/seed'),
    import('@pressroom/cms/database'),
    import('@pressroom/cms/db/safe-push'),
    import('@pressroom/cms/backup'),
  ])
  const { payload, backup } = await getPayloadWithSafePush(config, {
    backup: async () => {
      const archive = path.join(backupDir(), backups.backupFileName('before-schema-push'))
      const made = await backups.createBackup(backups.currentInstall(), { archive, reason: 'before-schema-push' })
      return made.archive
    },
    acceptDataLoss: process.env.SCHEMA_PUSH_ACCEPT_DATA_LOSS === 'yes',
    log,
  })
  try {
    if (databaseKind() === 'postgres') await payload.db.migrate()
    const seeded = await seed(payload, {
      adminEmail: process.env.ADMIN_EMAIL || undefined,
      adminPassword: process.env.ADMIN_PASSWORD || undefined,
    })
    return { ...seeded, upgradeBackup: backup }
  } finally {
    await payload.destroy()
  }
}
