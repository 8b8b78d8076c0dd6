import { existsSync, statSync } from 'node:fs'
import path from 'node:path'
import { backupFileName, createBackup, currentInstall } from '@pressroom/cms/backup'
import { callerPath } from './lib/callerPath.ts'
import { cliArgs } from './lib/cliArgs.ts'
import { backupDir } from './lib/cms.ts'
import { loadCmsEnv } from './lib/env.ts'
import { readPassphrase } from './lib/passphrase.ts'

/**
 * `./pressroom backup`: one archive of this press room, taken while the CMS runs
 * (docs/adr/0030). It reads cms/.env and the environment as the CMS does.
 */
const usage = './pressroom backup [--out FILE.tar.gz|DIR] [--with-secrets [--passphrase-file FILE]]'
const { values, positionals } = cliArgs(usage)
if (values.help || positionals.length > 0 || values.force) {
  console.error(`usage: ${usage}`)
  process.exit(values.help ? 0 : 64)
}

loadCmsEnv(process.env, { create: false })
const out = values.out ? callerPath(values.out) : backupDir()
const archive =
  out.endsWith('.tar.gz') || (existsSync(out) && statSync(out).isFile()) ? out : path.join(out, backupFileName())
try {
  const passphrase = values['with-secrets'] ? await readPassphrase(values['passphrase-file'], { confirm: true }) : null
  const made = await createBackup(currentInstall(), {
    archive,
    passphrase,
    log: (message) => console.error(`  ${message}`),
  })
  const megabytes = (made.bytes / 1024 / 1024).toFixed(1)
  console.error(`Backup written and checked: ${made.manifest.files.length} files, ${megabytes} MB.`)
  if (!passphrase) console.error('  (without cms/.env: add --with-secrets to include it, encrypted)')
  // The archive's path alone on standard output, for scripts (cron, off-site copies).
  console.log(made.archive)
  process.exit(0)
} catch (error) {
  console.error(`The backup failed: ${(error as Error).message}`)
  process.exit(1)
}
