import { readFileSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { callerPath } from './callerPath.ts'

/**
 * The passphrase of a backup's secrets: from `--passphrase-file` (for cron), BACKUP_PASSPHRASE,
 * or typed at the terminal without echo (twice when it is being chosen).
 */
export async function readPassphrase(file: string | undefined, options: { confirm: boolean }): Promise<string> {
  if (file) return readFileSync(callerPath(file), 'utf8').replace(/\r?\n$/, '')
  if (process.env.BACKUP_PASSPHRASE) return process.env.BACKUP_PASSPHRASE
  if (!process.stdin.isTTY) {
    throw new Error(
      '--with-secrets needs a passphrase: --passphrase-file FILE, BACKUP_PASSPHRASE, or a terminal to type it.',
    )
  }
  const first = await ask('Passphrase for the secrets: ')
  if (options.confirm && (await ask('The same passphrase again: ')) !== first) {
    throw new Error('The two passphrases differ; nothing was written.')
  }
  return first
}

function ask(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true })
  // Echo nothing of what is typed.
  const muted = rl as unknown as { _writeToOutput: (text: string) => void }
  process.stderr.write(question)
  muted._writeToOutput = () => {}
  return new Promise((resolve) =>
    rl.question('', (answer) => {
      rl.close()
      process.stderr.write('\n')
      resolve(answer)
    }),
  )
}
