import { relationId } from '@pressroom/shared'
import type { Payload, PayloadRequest } from 'payload'
import { inTransaction } from '../../db/transaction.ts'
import { updateRowIf } from '../../db/updateRowIf.ts'
import { staffError } from '../../i18n/admin/staffError.ts'
import type { DispatchRecipient } from '../../payload-types.ts'
import { mailDeliveryKey, sendNoticeEmails } from './sendNoticeEmails.ts'

/**
 * Re-sending a notice to one recipient: an explicit staff action with a reason, logged on the
 * row, raising the attempt so the e-mail gets a new idempotency key. The attempt the staff
 * member saw must still be current (one conditional UPDATE), so a double click sends once.
 */
export async function requestResend(
  payload: Payload,
  id: number,
  input: { user: NonNullable<PayloadRequest['user']>; reason: unknown; attempt: unknown },
): Promise<DispatchRecipient> {
  const reason = typeof input.reason === 'string' ? input.reason.trim() : ''
  if (!reason || reason.length > 500) {
    throw staffError('dispatch', 'reasonNeeded', undefined, 400)
  }
  const row = await payload.findByID({ collection: 'dispatch-recipients', id, depth: 0 }).catch(() => null)
  if (!row) throw staffError('dispatch', 'logEntryMissing', { id }, 404)
  if (row.channel !== 'email') {
    throw staffError('dispatch', 'otherChannel', { channel: row.channel }, 409)
  }
  if (row.acknowledgedAt) {
    throw staffError('dispatch', 'acknowledged', undefined, 409)
  }
  const seen = input.attempt === undefined ? row.attempt : Number(input.attempt)
  const attempt = seen + 1
  const now = new Date().toISOString()
  // The claim, the audit entry and the hand-over to e-mail commit together (docs/adr/0029).
  return inTransaction(payload, async (req) => {
    const claimed = await updateRowIf(
      payload,
      'dispatch_recipients',
      id,
      [{ column: 'attempt', equals: seen }],
      {
        attempt,
        status: 'queued',
        queuedAt: now,
        mailDeliveryKey: mailDeliveryKey(relationId(row.dispatch), relationId(row.recipient), attempt),
      },
      req,
    )
    if (!claimed) {
      throw staffError('dispatch', 'someoneElse', undefined, 409)
    }
    const updated = await payload.update({
      collection: 'dispatch-recipients',
      id,
      depth: 0,
      data: {
        resends: [...(row.resends ?? []), { requestedAt: now, requestedBy: input.user.id as number, attempt, reason }],
      },
      req,
    })
    await sendNoticeEmails(
      payload,
      { dispatchId: relationId(row.dispatch), dispatchRecipientIds: [id], reason: 'resend' },
      req,
    )
    return updated
  })
}
