import { rm } from 'node:fs/promises'
import path from 'node:path'
import { execute, jsonValue, num, parseJson, queryRows, type SqlDatabase, sql } from '../db/sql.ts'
import { outboxDir } from '../mail/config.ts'

type Whom = { subscriber: number; email: string; placeholder: string }

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** The value with every occurrence of the address (any case) replaced, in every string it holds. */
function withoutAddress(value: unknown, address: RegExp, placeholder: string): unknown {
  if (typeof value === 'string') return value.replace(address, placeholder)
  if (Array.isArray(value)) return value.map((v) => withoutAddress(v, address, placeholder))
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutAddress(v, address, placeholder)]))
  }
  return value
}

/**
 * What erasing a subscriber must also reach in the mail records (docs/adr/0031): the provider's
 * webhook events that name the address (Resend puts it in `data.to`) get the placeholder instead,
 * and the local outbox's .eml copies of the messages sent to it are deleted. Call it before the
 * deliveries lose their address and message ids are still known.
 */
export async function forgetAddressInMailRecords(payload: SqlDatabase, whom: Whom): Promise<void> {
  const email = whom.email.toLowerCase()
  const messages = await queryRows<{ provider_message_id: string }>(
    payload,
    sql`SELECT DISTINCT "provider_message_id" FROM "deliveries"
        WHERE ("subscriber_id" = ${whom.subscriber} OR lower("email") = ${email}) AND "provider_message_id" IS NOT NULL`,
  )
  const ids = messages.map((m) => m.provider_message_id)

  const bodyText = payload.db.name === 'postgres' ? sql`lower("body"::text)` : sql`lower("body")`
  const events = await queryRows<{ id: unknown; body: unknown }>(
    payload,
    sql`SELECT "id", "body" FROM "mail_events" WHERE ${bodyText} LIKE ${`%${email}%`}
        ${
          ids.length > 0
            ? sql`OR "provider_message_id" IN (${sql.join(
                ids.map((id) => sql`${id}`),
                sql`, `,
              )})`
            : sql``
        }`,
  )
  const address = new RegExp(escapeRegExp(email), 'gi')
  for (const event of events) {
    const body = withoutAddress(parseJson(event.body), address, whom.placeholder)
    await execute(
      payload,
      sql`UPDATE "mail_events" SET "body" = ${jsonValue(payload, body)} WHERE "id" = ${num(event.id)}`,
    )
  }

  const dir = outboxDir()
  for (const id of ids) {
    // Outbox message ids are the files' names (outboxTransport.ts); a provider's ids name no file.
    if (/^outbox-[0-9a-f]+-\d+$/.test(id)) await rm(path.join(dir, `${id}.eml`), { force: true })
  }
}
