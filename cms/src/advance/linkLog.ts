import type { Payload } from 'payload'
import { execute, now, sql } from '../db/sql.ts'

/** What a journalist did with a link, counted in its row (docs/adr/0043). */
export type LinkEvent = 'open' | 'pdf' | 'kit'

/** One statement per event, so two opens at the same moment both count. */
export async function logLinkEvent(payload: Payload, linkId: number, event: LinkEvent): Promise<void> {
  const at = now()
  const change =
    event === 'open'
      ? sql`"opens" = COALESCE("opens", 0) + 1, "first_opened_at" = COALESCE("first_opened_at", ${at}), "last_opened_at" = ${at}`
      : event === 'pdf'
        ? sql`"pdf_downloads" = COALESCE("pdf_downloads", 0) + 1`
        : sql`"kit_downloads" = COALESCE("kit_downloads", 0) + 1`
  await execute(payload, sql`UPDATE "advance_links" SET ${change}, "updated_at" = ${at} WHERE "id" = ${linkId}`)
}

/** The journalist accepted the embargo terms: recorded once, on them and on the link they used. */
export async function recordTermsAccepted(payload: Payload, journalist: number, linkId: number): Promise<void> {
  const at = now()
  await execute(
    payload,
    sql`UPDATE "journalists" SET "terms_accepted_at" = ${at}, "updated_at" = ${at} WHERE "id" = ${journalist} AND "terms_accepted_at" IS NULL`,
  )
  await execute(
    payload,
    sql`UPDATE "advance_links" SET "terms_accepted_at" = COALESCE("terms_accepted_at", ${at}), "updated_at" = ${at} WHERE "id" = ${linkId}`,
  )
}
