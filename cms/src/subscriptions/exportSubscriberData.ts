import { relationId } from '@pressroom/shared'
import type { Payload } from 'payload'
import { now, queryRows, sql } from '../db/sql.ts'
import type { Subscriber } from '../payload-types.ts'
import { languageChoicesOf } from './languageChoices.ts'
import { requestedPreferences } from './preferences.ts'

/** Everything held about a subscriber, for a data access request. */
export async function exportSubscriberData(payload: Payload, subscriber: Subscriber) {
  const deliveries = await queryRows<{ label: string; status: string; created_at: unknown; updated_at: unknown }>(
    payload,
    sql`SELECT "s"."label", "d"."status", "d"."created_at", "d"."updated_at" FROM "deliveries" "d"
        JOIN "sends" "s" ON "s"."id" = "d"."send_id" WHERE "d"."subscriber_id" = ${subscriber.id} ORDER BY "d"."id"`,
  )
  const topics = await payload.find({
    collection: 'topics',
    where: { id: { in: (subscriber.topics ?? []).map(relationId) } },
    depth: 0,
    pagination: false,
  })
  return {
    exportedAt: now(),
    email: subscriber.email,
    status: subscriber.status,
    endReason: subscriber.endReason ?? null,
    endedAt: subscriber.endedAt ?? null,
    languages: subscriber.languages ?? [],
    kinds: subscriber.kinds ?? [],
    topics: topics.docs.map((d) => d.slug),
    frequency: subscriber.frequency ?? 'immediate',
    ...languageChoicesOf(subscriber),
    pageLanguage: subscriber.locale,
    subscribedAt: subscriber.createdAt,
    confirmedAt: subscriber.confirmedAt ?? null,
    consent: subscriber.consent ?? null,
    waitingForConfirmation: requestedPreferences(subscriber),
    emails: deliveries.map((d) => ({
      what: d.label,
      status: d.status,
      planned: String(d.created_at),
      lastChange: String(d.updated_at),
    })),
  }
}
