import type { Payload } from 'payload'
import type { DispatchRecipient } from '../../payload-types.ts'
import type { StaffUser } from '../../testing/payload.ts'

/** The log rows of a dispatch (one per recipient), all of them, in the order asked for. */
export async function dispatchLog(
  payload: Payload,
  dispatchId: number,
  sort: 'id' | 'recipientName',
): Promise<DispatchRecipient[]> {
  const rows = await payload.find({
    collection: 'dispatch-recipients',
    where: { dispatch: { equals: dispatchId } },
    pagination: false,
    depth: 0,
    sort,
  })
  return rows.docs
}

/** Creates a dispatch as `user` does in the admin: with that user's access, not the Local API's. */
export function createDispatchAs(payload: Payload, user: StaffUser, data: Record<string, unknown>) {
  return payload.create({
    collection: 'dispatches',
    depth: 0,
    user,
    overrideAccess: false,
    data: data as never,
  })
}
