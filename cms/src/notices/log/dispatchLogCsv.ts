import { relationId } from '@pressroom/shared'
import { spreadsheetCsv } from '@pressroom/shared/csv'
import type { DispatchLog } from './loadDispatchLog.ts'

const columns = [
  'notice_reference',
  'notice_title',
  'dispatch',
  'recipient_id',
  'recipient',
  'country',
  'channel',
  'language',
  'email_addresses',
  'status',
  'attempt',
  'queued_at',
  'sent_at',
  'delivered_at',
  'bounced_at',
  'bounce_reason',
  'delivered_by_staff_at',
  'acknowledged_at',
  'manual_records',
  're_sends',
] as const

const day = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : '')

/** One line per recipient and dispatch; times in UTC ISO 8601. */
export function dispatchLogCsv(log: DispatchLog): string {
  const lines = log.entries.map(({ row, notice, recipientCountry, manualRecords }) => {
    const cells: Record<(typeof columns)[number], string> = {
      notice_reference: notice.referenceNumber,
      notice_title: notice.title,
      dispatch: String(relationId(row.dispatch)),
      recipient_id: String(relationId(row.recipient)),
      recipient: row.recipientName ?? '',
      country: recipientCountry ?? '',
      channel: row.channel,
      language: row.language,
      email_addresses: (row.emailAddresses ?? []).join('; '),
      status: row.status,
      attempt: String(row.attempt),
      queued_at: row.queuedAt ?? '',
      sent_at: row.sentAt ?? '',
      delivered_at: row.deliveredAt ?? '',
      bounced_at: row.bouncedAt ?? '',
      bounce_reason: row.bounceReason ?? '',
      delivered_by_staff_at: row.manualAt ?? '',
      acknowledged_at: row.acknowledgedAt ?? '',
      manual_records: manualRecords
        .map((m) => {
          const proof = typeof m.proof === 'object' ? m.proof.filename : `proof ${m.proof}`
          return `${m.channel} ${day(m.date)} (${proof})${m.note ? `: ${m.note}` : ''}`
        })
        .join('; '),
      re_sends: (row.resends ?? []).map((r) => `${r.requestedAt} attempt ${r.attempt}: ${r.reason}`).join('; '),
    }
    return columns.map((column) => cells[column])
  })
  return spreadsheetCsv(columns, lines)
}
