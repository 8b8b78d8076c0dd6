import { mkdirSync } from 'node:fs'
import { cmsDataDir } from '@pressroom/cms/paths'
import type { SeedResult } from '@pressroom/cms/seed'

/**
 * Brings the database up to the current schema (SQLite: schema push; PostgreSQL: committed
 * migrations) and seeds it, through Payload's Local API, then lets go of the database.
 */
export async function prepareAndSeed(): Promise<SeedResult> {
  mkdirSync(cmsDataDir, { recursive: true })
  const [{ getPayload }, { default: config }, { seed }, { databaseKind }] = await Promise.all([
    import('payload'),
    import('@pressroom/cms/config'),
    import('@pressroom/cms/seed'),
    import('@pressroom/cms/database'),
  ])
  const payload = await getPayload({ config })
  try {
    if (databaseKind() === 'postgres') await payload.db.migrate()
    return await seed(payload, {
      adminEmail: process.env.ADMIN_EMAIL || undefined,
      adminPassword: process.env.ADMIN_PASSWORD || undefined,
    })
  } finally {
    await payload.destroy()
  }
}
