import type { Endpoint } from 'payload'
import { hasRole } from '../../../access/roles.ts'
import { twoFactorRequiredForAdmins } from '../../../access/twoFactorRequired.ts'
import { signedInStaff } from '../../../http/staffOnly.ts'
import { checkSecondFactor } from '../secondFactor.ts'
import { readTwoFactor, type TwoFactorChange, writeTwoFactor } from '../store.ts'
import { codeIn, jsonBody, ownTwoFactorChange, refuse } from './request.ts'

const off: TwoFactorChange = {
  totpEnabled: false,
  totpSecret: null,
  totpPendingSecret: null,
  totpRecoveryCodes: null,
}

/**
 * POST /api/users/totp/disable {code}: a staff member turns their own two-factor sign-in off
 * with a current code or a recovery code (a session left open is not enough).
 */
export const disableTwoFactor: Endpoint = {
  path: '/totp/disable',
  method: 'post',
  handler: async (req) => {
    const asked = await ownTwoFactorChange(req)
    if (asked instanceof Response) return asked
    const { me, body, state } = asked
    if (!state.enabled) return refuse(req, 409, 'notOn')
    if (state.role === 'admin' && twoFactorRequiredForAdmins()) return refuse(req, 403, 'requiredForAdmins')
    if (!(await checkSecondFactor(req.payload, me.id, codeIn(body)))) return refuse(req, 400, 'codeWrong')
    await writeTwoFactor(req.payload, me.id, off)
    req.payload.logger.info({ msg: 'Two-factor sign-in switched off', user: me.id })
    return Response.json({ enabled: false })
  },
}

/**
 * POST /api/users/totp/reset {id}: an administrator turns it off for another staff member who
 * lost both the device and the recovery codes; they set it up again after signing in.
 */
export const resetTwoFactor: Endpoint = {
  path: '/totp/reset',
  method: 'post',
  handler: async (req) => {
    const me = signedInStaff(req)
    if (!me) return refuse(req, 401, 'signInFirst')
    if (!hasRole(req.user, 'admin')) return refuse(req, 403, 'adminOnly')
    const body = await jsonBody(req)
    if (!body) return refuse(req, 415, 'sendJson')
    const id = typeof body.id === 'string' || typeof body.id === 'number' ? body.id : undefined
    if (id === undefined || String(id) === String(me.id)) return refuse(req, 403, 'adminOnly')
    const state = await readTwoFactor(req.payload, id).catch(() => undefined)
    if (!state) return refuse(req, 404, 'notFound')
    await writeTwoFactor(req.payload, id, off)
    req.payload.logger.info({ msg: 'Two-factor sign-in reset by an administrator', user: id, by: me.id })
    return Response.json({ enabled: false })
  },
}
