import type { OutgoingMessage } from './message.ts'

/** What became of each message of a batch the provider accepted, in the batch's order. */
export type MessageResult = { id: string } | { error: string }

export type BatchOutcome =
  /** The provider took the batch; some messages may have been refused one by one. */
  | { kind: 'accepted'; results: MessageResult[] }
  /** Nothing decided: try again after `afterMs` with the same key and payload (429, 5xx, lost connection). */
  | { kind: 'retry'; afterMs: number; reason: string }
  /** The batch as a whole will never be taken (bad key, payload changed under the same key, bad request). */
  | { kind: 'rejected'; reason: string }

export type SendOptions = {
  /**
   * Awaited before each request to the provider: the worker waits here for the shared rate
   * limit (one turn per request: a batch call is one, each message sent alone is one) and notes
   * the batch's first attempt. Transports that make no requests never call it.
   */
  beforeRequest?: () => Promise<void>
}

/**
 * Where messages go: Resend, or the local outbox. A transport must be idempotent per key:
 * the same key with the same messages must never send twice.
 */
export interface MailTransport {
  readonly name: string
  /** Most messages one call may carry. */
  readonly maxBatchSize: number
  sendBatch(messages: OutgoingMessage[], idempotencyKey: string, options?: SendOptions): Promise<BatchOutcome>
}
