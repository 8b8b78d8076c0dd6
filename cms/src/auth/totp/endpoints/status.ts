import type { Endpoint } from 'payload'
import { hasRole } from '../../../access/roles.ts'
import { mustEnrolFirst, twoFactorRequiredForAdmins } from '../../../access/twoFactorRequired.ts'
import { signedInStaff } from '../../../http/staffOnly.ts'
import { readTwoFactor } from '../store.ts'
import { refuse } from './request.ts'

/**
 * GET /api/users/totp/status[?id=…]: whether two-factor sign-in is on, required and still to be
 * set up, for oneself or (administrators) another staff member. Never the secret.
 */
export const twoFactorStatus: Endpoint = {
  path: '/totp/status',
  method: 'get',
  handler: async (req) => {
    const me = signedInStaff(req)
    if (!me) return refuse(req, 401, 'signInFirst')
    const asked = req.searchParams.get('id')
    const id = asked && asked !== String(me.id) ? asked : me.id
    if (id !== me.id && !hasRole(req.user, 'admin')) return refuse(req, 403, 'adminOnly')
    const state = await readTwoFactor(req.payload, id).catch(() => undefined)
    if (!state) return refuse(req, 404, 'notFound')
    const required = state.role === 'admin' && twoFactorRequiredForAdmins()
    return Response.json({
      enabled: state.enabled,
      required,
      mustEnrol: mustEnrolFirst({ collection: 'users', role: state.role, totpEnabled: state.enabled }),
      recoveryCodesLeft: state.enabled ? state.recoveryHashes.length : 0,
    })
  },
}
