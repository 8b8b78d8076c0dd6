/**
 * A CMS process that plans the digests due at DIGEST_NOW and SIGKILLs itself as it starts the
 * second send of the run (its first send is committed, the second one's transaction open): a
 * crash in the middle of a digest. It prints "ready" once Payload is up and plans on "go".
 */
import { getPayload } from 'payload'
import config from '../../payload.config.ts'
import { planDueDigests } from '../../subscriptions/digests/planDueDigests.ts'

const payload = await getPayload({ config })
process.stdout.write('ready\n')
await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()))
const create = payload.create.bind(payload)
let sends = 0
payload.create = ((args: Parameters<typeof create>[0]) => {
  if (args.collection === 'sends' && ++sends === 2) process.kill(process.pid, 'SIGKILL')
  return create(args)
}) as typeof payload.create
await planDueDigests(payload, new Date(process.env.DIGEST_NOW ?? Date.now()))
process.stdout.write('planned (the kill did not happen)\n')
process.exit(0)
