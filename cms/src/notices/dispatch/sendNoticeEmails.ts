import type { Payload, PayloadRequest } from 'payload'

/**
 * PHASE 2 HOOK POINT — the only place the dispatch hands e-mail to the delivery core.
 *
 * Called after planning (every e-mail row of a dispatch) and after a staff re-send (one row),
 * each time with rows in status `queued` whose `mailDeliveryKey` names the e-mail to send
 * (`notice-dispatch:<dispatch>:<recipient>:<attempt>`, unique per recipient and attempt, so a
 * retried call must not send twice). Phase 2 plans one delivery per key in cms/src/mail with:
 * to = row.emailAddresses, language = row.language, subject with the notice's reference number,
 * the PDF edition of the notice in that language attached (renderPdfEdition), the row's
 * acknowledgement link (row.acknowledgementLink) in the body; then sets status/sentAt,
 * deliveredAt or bouncedAt/bounceReason on the row from the core's results and webhooks, with
 * conditional updates that never overwrite `acknowledged` (updateRowIf in ../db.ts).
 *
 * Until then rows stay `queued` and nothing is sent.
 */
export async function sendNoticeEmails(
  payload: Payload,
  job: { dispatchId: number | string; dispatchRecipientIds: (number | string)[]; reason: 'planned' | 'resend' },
  _req?: PayloadRequest,
): Promise<void> {
  if (job.dispatchRecipientIds.length === 0) return
  payload.logger.info(
    { dispatch: job.dispatchId, rows: job.dispatchRecipientIds.length, reason: job.reason },
    'notice e-mails queued; sending is not connected yet (issue 6, phase 2)',
  )
}

export const mailDeliveryKey = (dispatchId: number | string, recipientId: number | string, attempt: number) =>
  `notice-dispatch:${dispatchId}:${recipientId}:${attempt}`
