import { randomUUID } from 'node:crypto'
import { isLocale, localeCodes } from '@pressroom/shared'
import type { Payload } from 'payload'
import { execute, now, num, queryRows, sql } from '../db/sql.ts'
import { mailSettings, planSend, type Recipient } from '../mail/index.ts'
import { subscriberLinks } from './subscriberLinks.ts'

/**
 * Plans the confirmation e-mails that are due, one send per sweep and language. Subscribers
 * are first marked with the sweep, so a sweep interrupted by a crash is finished by the next
 * run under the same send key, and nobody gets two confirmations for one request.
 */
export async function planDueConfirmations(payload: Payload): Promise<number> {
  const sweepAt = now()
  await execute(
    payload,
    sql`UPDATE "subscribers" SET "confirmation_sweep" = ${randomUUID()}
        WHERE "id" IN (SELECT "id" FROM "subscribers" WHERE "confirmation_due_at" IS NOT NULL
                       AND "confirmation_due_at" <= ${sweepAt} AND "confirmation_sweep" IS NULL ORDER BY "id" LIMIT 1000)
        AND "confirmation_sweep" IS NULL`,
  )
  const sweeps = await queryRows<{ confirmation_sweep: string }>(
    payload,
    sql`SELECT DISTINCT "confirmation_sweep" FROM "subscribers" WHERE "confirmation_sweep" IS NOT NULL`,
  )
  if (sweeps.length === 0) return 0
  const settings = await mailSettings(payload)
  let planned = 0
  for (const { confirmation_sweep: sweep } of sweeps) {
    const rows = await queryRows<{
      id: unknown
      email: string
      locale: string
      token_version: unknown
      status: string
    }>(
      payload,
      sql`SELECT "id", "email", "locale", "token_version", "status" FROM "subscribers" WHERE "confirmation_sweep" = ${sweep}`,
    )
    for (const locale of localeCodes) {
      const recipients: Recipient[] = rows
        .filter((r) => (isLocale(r.locale) ? r.locale : 'en') === locale)
        .map((r) => {
          const id = num(r.id)
          const links = subscriberLinks(settings.cmsUrl, { id, tokenVersion: num(r.token_version) })
          return {
            key: `subscriber:${id}`,
            email: r.email,
            subscriber: id,
            variables: { confirmUrl: links.confirmUrl },
          }
        })
      if (recipients.length === 0) continue
      const org = settings.organizationName[locale]
      const result = await planSend(payload, {
        key: `confirmations:${sweep}:${locale}`,
        label: `Confirmation e-mails (${locale}, ${recipients.length})`,
        purpose: 'confirmation',
        message: await (await import('./emails.tsx')).confirmationTemplate(locale, org, settings.from),
        recipients,
      })
      planned += result.planned
    }
    await execute(
      payload,
      sql`UPDATE "subscribers" SET "confirmation_sweep" = NULL, "confirmation_sent_at" = ${sweepAt},
            "confirmation_due_at" = CASE WHEN "confirmation_due_at" <= ${sweepAt} THEN NULL ELSE "confirmation_due_at" END
          WHERE "confirmation_sweep" = ${sweep}`,
    )
  }
  return planned
}
