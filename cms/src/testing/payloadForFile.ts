import type { Payload } from 'payload'
import { afterAll, beforeAll } from 'vitest'
import type { User } from '../payload-types.ts'
import { createStaff, type StaffUser, type StartedPayload, type StartOptions, startPayload } from './payload.ts'

export type PayloadForFile<R extends User['role']> = {
  started: StartedPayload
  payload: Payload
  /** One staff member of each role asked for; this record is filled in place, so an alias of it stays good. */
  staff: Record<R, StaffUser>
}

/**
 * A real Payload for one test file (`startPayload`), with one staff member of each role asked
 * for: started before the file's own `beforeAll` hooks run and stopped after its `afterAll` hooks
 * (vitest runs after-hooks in reverse). Call it at the top of the file; read what it returns in
 * hooks and tests, once it has started.
 */
export function payloadForFile<const R extends User['role'] = never>(
  options: StartOptions & { staff?: readonly R[] } = {},
): PayloadForFile<R> {
  const { staff = [], ...start } = options
  const used = { staff: {} } as PayloadForFile<R>
  beforeAll(async () => {
    used.started = await startPayload(start)
    used.payload = used.started.payload
    for (const role of staff) used.staff[role] = await createStaff(used.payload, role)
  })
  afterAll(async () => {
    await used.started?.stop()
  })
  return used
}
