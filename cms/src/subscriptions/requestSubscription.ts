import type { Payload } from 'payload'
import { execute, jsonValue, now, sql } from '../db/sql.ts'
import type { LanguageChoices } from './languageChoices.ts'
import type { SubscribeRequest } from './preferences.ts'

/** How often one address may be sent a confirmation e-mail. */
const confirmationInterval = 10 * 60_000

/**
 * Records a request to subscribe in one statement (new address, or new preferences waiting on
 * an existing one) and marks a confirmation e-mail as due. Nothing else changes until the
 * address confirms, so the answer is the same whether or not it was known.
 */
export async function requestSubscription(
  payload: Payload,
  request: SubscribeRequest,
  languageChoices?: LanguageChoices,
): Promise<void> {
  const at = now()
  const requested = jsonValue(payload, {
    languages: request.languages,
    kinds: request.kinds,
    topics: request.topics,
    frequency: request.frequency,
    locale: request.locale,
    ...languageChoices,
  })
  const resendBefore = new Date(Date.now() - confirmationInterval).toISOString()
  await execute(
    payload,
    sql`INSERT INTO "subscribers" ("email", "status", "locale", "requested", "requested_at", "confirmation_due_at", "token_version", "updated_at", "created_at")
        VALUES (${request.email}, 'pending', ${request.locale}, ${requested}, ${at}, ${at}, 1, ${at}, ${at})
        ON CONFLICT ("email") DO UPDATE SET
          "requested" = excluded."requested",
          "requested_at" = excluded."requested_at",
          "locale" = CASE WHEN "subscribers"."status" = 'active' THEN "subscribers"."locale" ELSE excluded."locale" END,
          "confirmation_due_at" = CASE
            WHEN "subscribers"."confirmation_sent_at" IS NULL OR "subscribers"."confirmation_sent_at" < ${resendBefore}
            THEN excluded."confirmation_due_at" ELSE "subscribers"."confirmation_due_at" END,
          "updated_at" = excluded."updated_at"`,
  )
}
