/**
 * The CMS's job runner in a process of its own, started as the CMS starts it (`getPayload` with
 * `cron: true`, the jobs config of payload.config.ts), for tests that SIGKILL it in the middle of
 * a job. It prints "ready" once Payload is up. The database must be ready (schema pushed or
 * migrated by the test): the child runs with NODE_ENV=production.
 */
import { getPayload } from 'payload'
import config from '../../payload.config.ts'

await getPayload({ config, cron: true })
process.stdout.write('ready\n')
