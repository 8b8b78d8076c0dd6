import type { Payload, PayloadRequest } from 'payload'
import { updateRowIf } from '../../db/updateRowIf.ts'

/**
 * A staff record of a delivery by post, hand, fax or embassy marks the log row as delivered by
 * staff, unless the recipient has already acknowledged receipt (that stays the row's status).
 */
export async function recordManualDelivery(
  payload: Payload,
  dispatchRecipientId: number | string,
  date: string,
  req?: PayloadRequest,
): Promise<void> {
  const manualAt = new Date(date).toISOString()
  await updateRowIf(
    payload,
    'dispatch_recipients',
    dispatchRecipientId,
    [{ column: 'acknowledgedAt', isNull: true }],
    {
      status: 'manual',
      manualAt,
    },
    req,
  )
}
