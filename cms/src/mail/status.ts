import { queryRows, type SqlDatabase, sql } from '../db/sql.ts'
import type { DeliveryStatus } from './deliveryStatus.ts'

export type DeliveryReport = {
  recipient: string
  email: string
  status: DeliveryStatus
  providerMessageId: string | null
  error: string | null
  updatedAt: string
}

/**
 * Where each delivery of a send stands, by recipient key: for a module that keeps its own
 * records (e.g. notices to institutions) and copies the outcome across after a worker run or
 * a webhook. Statuses only move forward: planned → batched → queued → sent → delivered,
 * bounced or complained; or failed / cancelled.
 */
export async function deliveryStatuses(payload: SqlDatabase, sendKey: string): Promise<DeliveryReport[]> {
  const rows = await queryRows<{
    recipient: string
    email: string
    status: DeliveryStatus
    provider_message_id: string | null
    error: string | null
    updated_at: unknown
  }>(
    payload,
    sql`SELECT "d"."recipient", "d"."email", "d"."status", "d"."provider_message_id", "d"."error", "d"."updated_at"
        FROM "deliveries" "d" JOIN "sends" "s" ON "s"."id" = "d"."send_id" WHERE "s"."key" = ${sendKey} ORDER BY "d"."id"`,
  )
  return rows.map((r) => ({
    recipient: r.recipient,
    email: r.email,
    status: r.status,
    providerMessageId: r.provider_message_id,
    error: r.error,
    updatedAt: r.updated_at instanceof Date ? r.updated_at.toISOString() : String(r.updated_at),
  }))
}
