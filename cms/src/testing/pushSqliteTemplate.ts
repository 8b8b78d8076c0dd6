/**
 * Pushes the CMS's schema into the SQLite database DATABASE_URL names, then closes it: the
 * template every SQLite test file copies (sqliteTemplateSetup.ts).
 */
import { getPayload } from 'payload'
import config from '../payload.config.ts'

const payload = await getPayload({ config, cron: false })
await payload.destroy()
process.exit(0)
