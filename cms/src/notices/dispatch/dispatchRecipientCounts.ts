import type { Locale } from '@pressroom/shared'
import { APIError, type Payload } from 'payload'
import { chooseChannel, type DeliveryChannel } from '../directory.ts'
import { resolveRecipients } from './planDispatch.ts'

/** What staff confirm before a dispatch is planned: how many recipients, per language and per channel. */
export type DispatchCounts = {
  total: number
  byLanguage: Partial<Record<Locale, number>>
  byChannel: Partial<Record<DeliveryChannel, number>>
}

/** The confirmation's subject: this dispatch's planning, so a token confirms nothing else. */
export const dispatchConfirmationSubject = (dispatchId: number | string) => `plan-dispatch:${dispatchId}`

/**
 * The recipients planning would give this dispatch now, counted the way planDispatch resolves
 * them (the same resolution and the same channel choice), read-only; `confirmed` is what a
 * confirmation token stands for (the counts and who they are).
 */
export async function dispatchRecipientCounts(
  payload: Payload,
  dispatchId: number,
): Promise<{ counts: DispatchCounts; confirmed: unknown }> {
  const dispatch = await payload.findByID({ collection: 'dispatches', id: dispatchId, depth: 0 }).catch(() => null)
  if (!dispatch) throw new APIError(`Dispatch ${dispatchId} does not exist.`, 404, undefined, true)
  const { recipients } = await resolveRecipients(payload, dispatch)
  const counts: DispatchCounts = { total: recipients.length, byLanguage: {}, byChannel: {} }
  for (const recipient of recipients) {
    const channel = chooseChannel(
      recipient.preferredChannels ?? [],
      (recipient.emails ?? []).map((e) => e.address),
    )
    counts.byChannel[channel] = (counts.byChannel[channel] ?? 0) + 1
    counts.byLanguage[recipient.preferredLanguage] = (counts.byLanguage[recipient.preferredLanguage] ?? 0) + 1
  }
  // The confirmation covers who, not only how many: the same counts from another choice are not confirmed.
  return { counts, confirmed: { counts, recipients: recipients.map((r) => r.id) } }
}
