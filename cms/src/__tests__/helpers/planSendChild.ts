/**
 * A CMS process that plans one e-mail send (PLAN_KEY, PLAN_RECIPIENTS addresses) and SIGKILLs
 * itself inside the plan's transaction, once the second part of its delivery rows is written:
 * what a power cut or an out-of-memory kill in the middle of planning leaves. It prints "ready"
 * once Payload is up and plans when told "go" on its input. The database must be ready (schema
 * pushed or migrated by the test).
 */
import { getPayload } from 'payload'
import { planSend } from '../../mail/index.ts'
import config from '../../payload.config.ts'

const payload = await getPayload({ config })
process.stdout.write('ready\n')
// The test starts this process early and says "go" when it wants the plan made.
await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()))
let parts = 0
await planSend(payload, {
  key: process.env.PLAN_KEY ?? 'killed-plan',
  label: 'Killed while planning',
  purpose: 'test',
  message: { from: 'press@example.org', subject: 'Never sent', html: '<p>-</p>', text: '-' },
  recipients: Array.from({ length: Number(process.env.PLAN_RECIPIENTS ?? 450) }, (_, i) => ({
    key: `r:${i}`,
    email: `killed-${i}@example.org`,
  })),
  checkpoint: () => {
    if (++parts === 2) process.kill(process.pid, 'SIGKILL')
  },
})
process.stdout.write('planned (the kill did not happen)\n')
process.exit(0)
