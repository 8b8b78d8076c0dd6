import { copyFileSync, existsSync, readdirSync } from 'node:fs'
import path from 'node:path'

/** Where the CMS project's global setup (sqliteTemplateSetup.ts) left the pushed template database. */
const templateEnv = 'PRESSROOM_TEST_SQLITE_TEMPLATE'

/**
 * Copies the template database (the schema the current config pushes, nothing else) to `file`,
 * with its companion files (the rate-limit counters' database, WAL files). False when there is no
 * template (a run without the CMS project's setup, e.g. the site's tests): the caller pushes.
 */
export function copySqliteTemplate(file: string): boolean {
  const template = process.env[templateEnv]
  if (!template || !existsSync(template)) return false
  const name = path.basename(template)
  for (const entry of readdirSync(path.dirname(template))) {
    if (entry.startsWith(name)) {
      copyFileSync(path.join(path.dirname(template), entry), `${file}${entry.slice(name.length)}`)
    }
  }
  return true
}

/**
 * Runs `start` with Payload's development schema push off: the database is a copy of one this
 * run's config already pushed, and diffing it again cost every SQLite test file 1.5–10 s of CPU
 * (docs/adr/0050). Only this start skips it; a later one (a restored backup, an upgraded
 * database) pushes as before.
 */
export async function withoutSchemaPush<T>(start: () => Promise<T>): Promise<T> {
  const before = process.env.PAYLOAD_MIGRATING
  process.env.PAYLOAD_MIGRATING = 'true'
  try {
    return await start()
  } finally {
    if (before === undefined) delete process.env.PAYLOAD_MIGRATING
    else process.env.PAYLOAD_MIGRATING = before
  }
}

export const sqliteTemplateEnv = templateEnv
