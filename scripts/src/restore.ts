import { BackupRefused, currentInstall, restoreBackup } from '@pressroom/cms/backup'
import { callerPath } from './lib/callerPath.ts'
import { cliArgs } from './lib/cliArgs.ts'
import { loadCmsEnv } from './lib/env.ts'
import { readPassphrase } from './lib/passphrase.ts'

/**
 * `./pressroom restore ARCHIVE`: puts a backup in place of an empty install (or, with --force,
 * of this one; stop the CMS first). A damaged archive is refused before anything changes.
 */
const usage = './pressroom restore ARCHIVE [--force] [--with-secrets [--passphrase-file FILE]]'
const { values, positionals } = cliArgs(usage)
if (values.help || positionals.length !== 1 || values.out) {
  console.error(`usage: ${usage}`)
  process.exit(values.help ? 0 : 64)
}

loadCmsEnv(process.env, { create: false })
const archive = callerPath(positionals[0]!)
try {
  const passphrase = values['with-secrets'] ? await readPassphrase(values['passphrase-file'], { confirm: false }) : null
  const manifest = await restoreBackup(archive, currentInstall(), {
    force: values.force,
    passphrase,
    log: (message) => console.error(`  ${message}`),
  })
  console.error(`Restored the backup of ${manifest.createdAt}. Start the press room with ./pressroom start.`)
  if (manifest.secrets && !passphrase) {
    console.error(
      '  The backup also holds cms/.env (encrypted). Without it, set the original PAYLOAD_SECRET in cms/.env, ' +
        'or links already sent (unsubscribe, acknowledge receipt) stop working; or restore again with --with-secrets --force.',
    )
  }
  process.exit(0)
} catch (error) {
  const refused = error instanceof BackupRefused
  console.error(`${refused ? 'Refused' : 'The restore failed'}: ${(error as Error).message}`)
  process.exit(refused ? 2 : 1)
}
