import { parseArgs } from 'node:util'

/** The backup and restore commands' options; an unknown one stops with the usage line. */
export function cliArgs(usage: string, args = process.argv.slice(2)) {
  try {
    return parseArgs({
      args: args.filter((arg) => arg !== '--'),
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        force: { type: 'boolean' },
        'with-secrets': { type: 'boolean' },
        'passphrase-file': { type: 'string' },
        help: { type: 'boolean' },
      },
    })
  } catch (error) {
    console.error(`${(error as Error).message}\nusage: ${usage}`)
    process.exit(64)
  }
}
