import { relationId } from '@pressroom/shared'
import type { Payload, PayloadRequest } from 'payload'
import { updateRowIf } from '../../db/updateRowIf.ts'
import { normalizeEmail, planSend } from '../../mail/index.ts'
import type { DispatchRecipient } from '../../payload-types.ts'
import { noticeMessages } from './noticeMessage.ts'

/** The delivery core's `purpose` of every notice e-mail (what staff see under E-mail → Sends). */
export const noticePurpose = 'institution-notice'
export const noticeKeyPrefix = 'notice-dispatch:'

export const mailDeliveryKey = (dispatchId: number | string, recipientId: number | string, attempt: number) =>
  `${noticeKeyPrefix}${dispatchId}:${recipientId}:${attempt}`

/**
 * THE hand-over from a dispatch to e-mail (docs/adr/0020). Called after planning (every e-mail
 * row of a dispatch) and after a staff re-send (one row), and again by the mail job for rows
 * whose hand-over was cut short (syncNoticeDeliveries).
 *
 * Each queued e-mail row becomes one send of the delivery core keyed by the row's
 * `mailDeliveryKey` (`notice-dispatch:<dispatch>:<recipient>:<attempt>`) with one delivery per
 * address: planning the same key again changes nothing, so a repeated or resumed call never
 * sends twice, and a re-send (next attempt) is a new key. The `deliverMail` job sends; the
 * results come back onto the rows through syncNoticeDeliveries. Given the `req` of a
 * transaction (planning, a re-send), the hand-over commits with it (docs/adr/0029).
 */
export async function sendNoticeEmails(
  payload: Payload,
  job: {
    dispatchId: number | string
    dispatchRecipientIds: (number | string)[]
    reason: 'planned' | 'resend' | 'resume'
  },
  req?: PayloadRequest,
): Promise<{ planned: number }> {
  if (job.dispatchRecipientIds.length === 0) return { planned: 0 }
  // A re-send re-opens a completed dispatch; the mail job completes it again.
  await updateRowIf(
    payload,
    'dispatches',
    job.dispatchId,
    [{ column: 'status', in: ['planned', 'completed'] }],
    { status: 'sending' },
    req,
  )
  const rows = await payload.find({
    collection: 'dispatch-recipients',
    where: { id: { in: job.dispatchRecipientIds } },
    pagination: false,
    depth: 0,
    sort: 'id',
    req,
  })
  const messageFor = noticeMessages(payload)
  let planned = 0
  for (const row of rows.docs) {
    if (await planRowEmail(payload, row, messageFor, req)) planned += 1
  }
  payload.logger.info(
    { dispatch: job.dispatchId, rows: rows.docs.length, planned, reason: job.reason },
    'Notice e-mails handed to the delivery core',
  )
  return { planned }
}

async function planRowEmail(
  payload: Payload,
  row: DispatchRecipient,
  messageFor: ReturnType<typeof noticeMessages>,
  req: PayloadRequest | undefined,
): Promise<boolean> {
  const addresses = row.emailAddresses ?? []
  if (row.channel !== 'email' || row.status !== 'queued' || row.acknowledgedAt || !row.mailDeliveryKey) return false
  if (addresses.length === 0) return false
  const message = await messageFor(relationId(row.notice), row.language)
  const link = row.acknowledgementLink ?? ''
  const name = row.recipientName ?? ''
  const result = await planSend(
    payload,
    {
      key: row.mailDeliveryKey,
      label: `${message.referenceNumber} → ${name} (${row.language}, attempt ${row.attempt})`,
      purpose: noticePurpose,
      message: message.template,
      recipients: addresses.map((address) => ({
        key: `address:${normalizeEmail(address)}`,
        email: address,
        // The delivery core escapes them in the HTML part.
        variables: { recipientName: name, acknowledgementLink: link },
      })),
      source: {
        dispatch: relationId(row.dispatch),
        dispatchRecipient: row.id,
        notice: relationId(row.notice),
        attempt: row.attempt,
        language: row.language,
        textLanguage: message.textLocale,
      },
    },
    req,
  )
  return result.created
}
