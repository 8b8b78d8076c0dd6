import { APIError, type PayloadRequest } from 'payload'
import { hasRole } from '../access/roles.ts'
import { type AccessWords, staffWords } from '../access/staffWords.ts'

export type SignedInStaff = { id: number | string; sid?: string }

/**
 * The staff member signed in on this request (a session of the users collection), whatever their
 * role: an administrator who must still set up two-factor sign-in has no role yet (docs/adr/0034)
 * but may reach the endpoints that set it up.
 */
export function signedInStaff(req: PayloadRequest): SignedInStaff | undefined {
  const user = req.user as { id?: number | string; collection?: string; _sid?: string } | null
  return user?.collection === 'users' && user.id !== undefined ? { id: user.id, sid: user._sid } : undefined
}

/**
 * The guard of a staff endpoint that acts for the press room (the recipients directory, dispatches
 * and their log, held e-mail batches): admins and editors only. Refusals are Payload errors shown
 * as they are, in the staff member's admin language: 401 to sign in, 403 for another role; `action`
 * ends both sentences ("decide about e-mail batches").
 */
export function requirePublisher(
  req: PayloadRequest,
  action: keyof AccessWords['action'],
): NonNullable<PayloadRequest['user']> {
  const say = staffWords(req, 'access')
  const vars = { action: say(`action:${action}`) }
  if (!req.user) throw new APIError(say('signInTo', vars), 401, undefined, true)
  if (!hasRole(req.user, 'admin', 'editor')) throw new APIError(say('publishersOnly', vars), 403, undefined, true)
  return req.user
}
