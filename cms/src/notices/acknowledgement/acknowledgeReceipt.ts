import { relationId } from '@pressroom/shared'
import type { Payload } from 'payload'
import { updateRowIf } from '../../db/updateRowIf.ts'
import type { DispatchRecipient, Notice } from '../../payload-types.ts'
import { parseAcknowledgementToken, verifyAcknowledgementSignature } from './token.ts'

export type AcknowledgementTarget = {
  row: DispatchRecipient
  notice: Pick<Notice, 'title' | 'referenceNumber'> | null
}

export type AcknowledgementState =
  | { kind: 'malformed' }
  | { kind: 'unknown' }
  | { kind: 'tampered' }
  | ({ kind: 'pending' } & AcknowledgementTarget)
  | ({ kind: 'acknowledged'; at: string; justNow: boolean } & AcknowledgementTarget)

/** What a link points to, without changing anything (the page a GET shows). */
export async function inspectAcknowledgement(payload: Payload, token: string): Promise<AcknowledgementState> {
  const parsed = parseAcknowledgementToken(token)
  if (!parsed) return { kind: 'malformed' }
  const row = await payload
    .findByID({ collection: 'dispatch-recipients', id: parsed.id, depth: 0 })
    .catch(() => null as DispatchRecipient | null)
  if (!row) return { kind: 'unknown' }
  if (!verifyAcknowledgementSignature(payload.config.secret, row, parsed.signature)) return { kind: 'tampered' }
  const notice = await readNotice(payload, row, row.language)
  if (row.acknowledgedAt) return { kind: 'acknowledged', at: row.acknowledgedAt, justNow: false, row, notice }
  return { kind: 'pending', row, notice }
}

/**
 * Records the acknowledgement once: a single UPDATE … WHERE acknowledged_at IS NULL, so two
 * clicks at the same moment (or a retry) cannot move the recorded time.
 */
export async function acknowledgeReceipt(payload: Payload, token: string): Promise<AcknowledgementState> {
  const state = await inspectAcknowledgement(payload, token)
  if (state.kind !== 'pending') return state
  const now = new Date().toISOString()
  const recorded = await updateRowIf(
    payload,
    'dispatch_recipients',
    state.row.id,
    [{ column: 'acknowledgedAt', isNull: true }],
    { acknowledgedAt: now, status: 'acknowledged' },
  )
  if (!recorded) {
    // Someone else acknowledged between our read and our write; show their time.
    const again = await inspectAcknowledgement(payload, token)
    return again
  }
  return {
    kind: 'acknowledged',
    at: now,
    justNow: true,
    row: { ...state.row, acknowledgedAt: now },
    notice: state.notice,
  }
}

async function readNotice(payload: Payload, row: DispatchRecipient, locale: 'en' | 'ru') {
  const id = relationId(row.notice)
  const notice = await payload.findByID({ collection: 'notices', id, depth: 0, locale }).catch(() => null)
  return notice ? { title: notice.title, referenceNumber: notice.referenceNumber } : null
}
