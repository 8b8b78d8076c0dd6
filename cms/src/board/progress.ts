import type { Payload, TypedUser } from 'payload'

/** How far one send or dispatch has got: the board's four numbers. */
export type Progress = { queued: number; sent: number; delivered: number; failed: number }

/**
 * Which row statuses each number counts. For e-mails the groups are those of the counters staff
 * see on a send (src/mail/counters.ts): "sent" is everything handed to the provider, delivered
 * or not. A dispatch's log rows also count hand deliveries recorded by staff as delivered.
 */
const groups = {
  deliveries: {
    field: 'send',
    queued: ['planned', 'batched', 'queued'],
    sent: ['sent', 'delivered', 'bounced', 'complained'],
    delivered: ['delivered', 'complained'],
    failed: ['bounced', 'failed'],
  },
  'dispatch-recipients': {
    field: 'dispatch',
    queued: ['queued'],
    sent: ['sent', 'delivered', 'bounced', 'acknowledged'],
    delivered: ['delivered', 'acknowledged', 'manual'],
    failed: ['bounced'],
  },
} as const

type Reader = { payload: Payload; user: TypedUser }

/** Counts the rows of one send (deliveries) or dispatch (its log), as this user may read them. */
export async function progressOf(
  r: Reader,
  collection: keyof typeof groups,
  parent: number | string,
): Promise<Progress> {
  const group = groups[collection]
  const count = async (statuses: readonly string[]) =>
    (
      await r.payload.count({
        collection,
        where: { [group.field]: { equals: parent }, status: { in: [...statuses] } },
        overrideAccess: false,
        user: r.user,
      })
    ).totalDocs
  const [queued, sent, delivered, failed] = await Promise.all([
    count(group.queued),
    count(group.sent),
    count(group.delivered),
    count(group.failed),
  ])
  return { queued, sent, delivered, failed }
}
