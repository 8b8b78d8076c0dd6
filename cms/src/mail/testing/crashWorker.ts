/**
 * A delivery worker in a process of its own, for the crash-injection tests: it prints "ready",
 * sends, and SIGKILLs itself at the checkpoint named in CRASH_AT ("answered:2" = the second
 * time a batch's answer arrives), unless the test kills it first; with START_ON_SIGNAL set it
 * waits for SIGUSR1 after "ready". The worker needs only SQL,
 * so it opens the test database with drizzle directly instead of starting Payload (which
 * takes seconds per process on a busy two-core machine). With START_ON_GO it waits for "go"
 * on its input before it works.
 */

import type { SqlDatabase } from '../../db/sql.ts'
import { openSqliteClient } from '../../db/sqliteClient.ts'
import { sqliteSettings } from '../../db/sqliteSettings.ts'
import { mailTransportFromEnv, providerBucket } from '../config.ts'
import { runDeliveryWorker } from '../worker.ts'

async function openDatabase(url: string): Promise<SqlDatabase['db']> {
  if (url.startsWith('postgres')) {
    const { drizzle } = await import('@payloadcms/db-postgres/drizzle/node-postgres')
    return { name: 'postgres', drizzle: drizzle(url) }
  }
  const { drizzle } = await import('@payloadcms/db-sqlite/drizzle/libsql')
  // As the CMS opens its connections (src/db/adapter.ts), rate-limit counters in their own file.
  const client = await openSqliteClient({ url }, sqliteSettings())
  return { name: 'sqlite', drizzle: drizzle({ client }) }
}

const log = (message: string) => process.stderr.write(`${message}\n`)
const database: SqlDatabase = {
  db: await openDatabase(process.env.DATABASE_URL ?? ''),
  logger: { info: log, warn: log, error: log },
}
/** Resolves when the test writes "go" to this process's input. */
function goSignal(): Promise<void> {
  return new Promise((resolve) => {
    let input = ''
    process.stdin.on('data', (chunk) => {
      input += chunk
      if (input.includes('go')) {
        process.stdin.pause()
        resolve()
      }
    })
  })
}

const [point, count] = (process.env.CRASH_AT ?? '').split(':')
let seen = 0
process.stdout.write('ready\n')
// Several workers that must start together wait for the test's signal.
if (process.env.START_ON_SIGNAL) {
  const alive = setInterval(() => {}, 1000) // a signal listener alone does not keep Node running
  await new Promise((resolve) => process.once('SIGUSR1', resolve))
  clearInterval(alive)
}
if (process.env.START_ON_GO) await goSignal()
const result = await runDeliveryWorker(database, {
  transport: mailTransportFromEnv(),
  // The same limit in the database as the CMS it runs beside, as a second CMS process would.
  bucket: providerBucket(database),
  owner: `child-${process.pid}`,
  leaseMs: Number(process.env.MAIL_LEASE_SECONDS ?? 1) * 1000,
  checkpoint: (name) => {
    if (name === point && ++seen >= Number(count)) process.kill(process.pid, 'SIGKILL')
  },
})
process.stdout.write(`finished ${JSON.stringify(result)}\n`)
process.exit(0)
