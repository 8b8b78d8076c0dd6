import type { Payload } from 'payload'
import { execute, now, sql } from '../db/sql.ts'
import { cancelPendingDeliveries } from '../mail/index.ts'
import type { Subscriber } from '../payload-types.ts'

/** Ends the subscription (reason: unsubscribed) and cancels what is still planned. Safe to repeat. */
export async function unsubscribe(payload: Payload, subscriber: Subscriber): Promise<void> {
  const at = now()
  await execute(
    payload,
    sql`UPDATE "subscribers" SET "status" = 'ended', "end_reason" = 'unsubscribed', "ended_at" = ${at},
          "requested" = NULL, "confirmation_due_at" = NULL, "updated_at" = ${at}
        WHERE "id" = ${subscriber.id} AND "status" <> 'ended'`,
  )
  await cancelPendingDeliveries(payload, { subscriber: subscriber.id }, 'unsubscribed')
}
