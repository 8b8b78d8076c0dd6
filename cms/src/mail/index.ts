/**
 * The delivery core: durable, idempotent e-mail sending through Resend or the local outbox.
 * See docs/adr/0010-delivery-core.md. Another module sends to its own recipients with:
 *
 *   await planSend(payload, { key, label, purpose, message, recipients })
 *
 * and the `deliverMail` job (queue `email`) does the rest. `message` is a MessageTemplate
 * (attachments allowed); `{{name}}` placeholders are filled per recipient from `variables`.
 * `deliveryStatuses(payload, key)` tells where each recipient's message stands. A send planned
 * with `holdUntil` waits until then and may be cancelled meanwhile (`cancelHeldSend`); one planned
 * with `waitFor` also waits until its planner calls `releaseWaitingSends` (docs/adr/0044).
 */

export { isValidEmail, normalizeEmail } from './address.ts'
export { type CancelOutcome, cancelHeldSend } from './cancelHeldSend.ts'
export { idempotencyWindowMs, mailTransportFromEnv, outboxDir, providerBucket } from './config.ts'
export { recountSend, type SendCounts } from './counters.ts'
export { type BatchDecision, decideHeldBatch, type HeldBatch, heldBatches } from './heldBatches.ts'
export { deliverMailTask, mailQueue } from './jobs.ts'
export type { Attachment, MessageTemplate, OutgoingMessage } from './message.ts'
export { personalize } from './message.ts'
export { cancelPendingDeliveries, type PlannedSend, type PlanSendInput, planSend, type Recipient } from './plan.ts'
export { cachedMailSettings, type MailSettings, mailSettings } from './settings.ts'
export { type RequestBucket, SharedBucket } from './sharedBucket.ts'
export { type DeliveryReport, deliveryStatuses } from './status.ts'
export { TokenBucket } from './tokenBucket.ts'
export type { BatchOutcome, MailTransport, MessageResult, SendOptions } from './transport.ts'
export { releaseWaitingSends, type WaitingSend, waitingSends } from './waitingSends.ts'
export { type DeliveryObserver, handleResendWebhook, suppress, verifyWebhookSignature } from './webhooks.ts'
export { idempotencyKey, runDeliveryWorker, type WorkerOptions, type WorkerResult } from './worker.ts'
