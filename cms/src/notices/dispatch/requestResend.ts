import { relationId } from '@pressroom/shared'
import { APIError, type Payload, type PayloadRequest } from 'payload'
import { inTransaction } from '../../db/transaction.ts'
import { updateRowIf } from '../../db/updateRowIf.ts'
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
    throw new APIError('Give the reason for sending again (up to 500 characters).', 400, undefined, true)
  }
  const row = await payload.findByID({ collection: 'dispatch-recipients', id, depth: 0 }).catch(() => null)
  if (!row) throw new APIError(`Dispatch log entry ${id} does not exist.`, 404, undefined, true)
  if (row.channel !== 'email') {
    throw new APIError(
      `This recipient is reached by ${row.channel}; record another delivery under "Manual delivery records" instead.`,
      409,
      undefined,
      true,
    )
  }
  if (row.acknowledgedAt) {
    throw new APIError(
      'The recipient has already acknowledged receipt; nothing needs sending again.',
      409,
      undefined,
      true,
    )
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
      throw new APIError('Someone else has just sent this again; reload the page to see the log.', 409, undefined, true)
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
