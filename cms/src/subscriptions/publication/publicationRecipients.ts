import type { Locale } from '@pressroom/shared'
import type { Payload } from 'payload'
import { num, queryRows, sql } from '../../db/sql.ts'

/** A subscriber to send a publication to, with what their links are signed with. */
export type PublicationRecipient = { id: number; email: string; tokenVersion: number }

const toRecipients = (rows: { id: unknown; email: string; token_version: unknown }[]): PublicationRecipient[] =>
  rows.map((r) => ({ id: num(r.id), email: r.email, tokenVersion: num(r.token_version) }))

/**
 * Active subscribers of this language whose kinds (none = all) and topics (none = all) match, and
 * who want each publication at once: digest subscribers get it in their digest (docs/adr/0046).
 */
export async function matchingSubscribers(
  payload: Payload,
  locale: Locale,
  kind: string,
  topicIds: number[],
  /** `digests`: those who get it in their digest instead, for the counts staff are shown. */
  when: 'now' | 'digests' = 'now',
) {
  const frequency =
    when === 'now'
      ? sql`COALESCE("s"."frequency", 'immediate') = 'immediate'`
      : sql`COALESCE("s"."frequency", 'immediate') <> 'immediate'`
  const topicMatch =
    topicIds.length > 0
      ? sql`OR EXISTS (SELECT 1 FROM "subscribers_rels" "r" WHERE "r"."parent_id" = "s"."id" AND "r"."path" = 'topics'
            AND "r"."topics_id" IN (${sql.join(
              topicIds.map((id) => sql`${id}`),
              sql`, `,
            )}))`
      : sql``
  const rows = await queryRows<{ id: unknown; email: string; token_version: unknown }>(
    payload,
    sql`SELECT "s"."id", "s"."email", "s"."token_version" FROM "subscribers" "s"
        WHERE "s"."status" = 'active' AND ${frequency}
        AND EXISTS (SELECT 1 FROM "subscribers_languages" "l" WHERE "l"."parent_id" = "s"."id" AND "l"."value" = ${locale})
        AND (NOT EXISTS (SELECT 1 FROM "subscribers_kinds" "k" WHERE "k"."parent_id" = "s"."id")
             OR EXISTS (SELECT 1 FROM "subscribers_kinds" "k" WHERE "k"."parent_id" = "s"."id" AND "k"."value" = ${kind}))
        AND (NOT EXISTS (SELECT 1 FROM "subscribers_rels" "r" WHERE "r"."parent_id" = "s"."id" AND "r"."path" = 'topics')
             ${topicMatch})
        ORDER BY "s"."id"`,
  )
  return toRecipients(rows)
}

/** Those the original was sent to who are still subscribed. */
export async function recipientsOfOriginal(payload: Payload, originalKey: string) {
  const rows = await queryRows<{ id: unknown; email: string; token_version: unknown }>(
    payload,
    sql`SELECT "s"."id", "s"."email", "s"."token_version" FROM "deliveries" "d"
        JOIN "sends" "o" ON "o"."id" = "d"."send_id"
        JOIN "subscribers" "s" ON "s"."id" = "d"."subscriber_id"
        WHERE "o"."key" = ${originalKey} AND "d"."status" IN ('sent', 'delivered') AND "s"."status" = 'active'
        ORDER BY "s"."id"`,
  )
  return toRecipients(rows)
}
