import type { DocumentCollection } from '@pressroom/shared'
import type { Payload } from 'payload'
import { num, queryRows, sql } from '../../db/sql.ts'

export type PublicationSendState = {
  id: number
  key: string
  locale: string
  status: string
  planned: number
  cancelled: number
  holdUntil: string | null
  /** Set while the send waits for its page to be live (docs/adr/0044): since when. */
  waitingForPageSince: string | null
  cancelledAt: string | null
  cancelledBy: string | null
}

const iso = (value: unknown) => (value == null ? null : new Date(value as string).toISOString())

/** The e-mails of one publication (its own and its corrections, cancelled ones included), newest first. */
export async function publicationSendsOf(
  payload: Payload,
  collection: DocumentCollection,
  id: number,
): Promise<PublicationSendState[]> {
  const rows = await queryRows<Record<string, unknown>>(
    payload,
    sql`SELECT "s"."id", "s"."key", "s"."status", "s"."planned", "s"."cancelled", "s"."hold_until", "s"."waiting_for", "s"."waiting_since", "s"."cancelled_at", "u"."email"
        FROM "sends" "s" LEFT JOIN "users" "u" ON "u"."id" = "s"."cancelled_by_id"
        WHERE "s"."key" LIKE ${`publication:${collection}:${id}:%`} OR "s"."key" LIKE ${`correction:${collection}:${id}:%`}
        OR "s"."key" LIKE ${`bilingual:${collection}:${id}:%`} OR "s"."key" LIKE ${`language-notice:${collection}:${id}:%`}
        ORDER BY "s"."id" DESC`,
  )
  return rows.map((row) => {
    const key = String(row.key)
    return {
      id: num(row.id),
      key,
      // The key ends with the language, or with `:cancelled:<id>` after a cancelled send was started again.
      locale:
        key
          .replace(/:cancelled:\d+$/, '')
          .split(':')
          .at(-1) ?? '',
      status: String(row.status),
      planned: num(row.planned),
      cancelled: num(row.cancelled),
      holdUntil: iso(row.hold_until),
      waitingForPageSince: row.waiting_for == null ? null : iso(row.waiting_since),
      cancelledAt: iso(row.cancelled_at),
      cancelledBy: row.email == null ? null : String(row.email),
    }
  })
}
