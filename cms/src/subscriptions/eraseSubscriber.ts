import type { Payload } from 'payload'
import { execute, now, sql } from '../db/sql.ts'
import { cancelPendingDeliveries } from '../mail/index.ts'
import type { Subscriber } from '../payload-types.ts'
import { forgetAddressInMailRecords } from '../retention/forgetAddress.ts'

/**
 * Erases a subscriber's personal data on request: the address and preferences go, every link
 * stops working (token version), and the rows that remain (for the send counters) hold no
 * address; nor do webhook events or the outbox (docs/adr/0031). The subscription ends with the reason "erased".
 */
export async function eraseSubscriber(payload: Payload, subscriber: Subscriber): Promise<void> {
  await cancelPendingDeliveries(payload, { subscriber: subscriber.id }, 'erased')
  const placeholder = `erased-${subscriber.id}@erased.invalid`
  await forgetAddressInMailRecords(payload, { subscriber: subscriber.id, email: subscriber.email, placeholder })
  const at = now()
  await payload.update({
    collection: 'subscribers',
    id: subscriber.id,
    data: {
      status: 'ended',
      endReason: 'erased',
      endedAt: at,
      languages: [],
      kinds: [],
      topics: [],
      consent: { at: null, text: null, policyVersion: null },
      requested: null,
      confirmationDueAt: null,
      tokenVersion: subscriber.tokenVersion + 1,
    },
  })
  await execute(payload, sql`UPDATE "subscribers" SET "email" = ${placeholder} WHERE "id" = ${subscriber.id}`)
  await execute(
    payload,
    sql`UPDATE "deliveries" SET "email" = ${placeholder}, "payload" = NULL, "variables" = NULL WHERE "subscriber_id" = ${subscriber.id}`,
  )
}
