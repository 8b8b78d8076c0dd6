import type { Endpoint, Payload } from 'payload'
import { hashRecoveryCode, newRecoveryCodes, newTotpSecret, otpauthUri, totpStep } from '../codes.ts'
import { claimOnce } from '../oneTimeUse.ts'
import { qrPath } from '../qrPath.ts'
import { openSecret, sealSecret } from '../secretBox.ts'
import { writeTwoFactor } from '../store.ts'
import { codeIn, ownTwoFactorChange, refuse } from './request.ts'

/**
 * POST /api/users/totp/setup: a new secret for the signed-in staff member, kept sealed as
 * "pending" until a code confirms it. The answer carries it once, as text and as a QR code
 * (drawn here, so the admin loads nothing from elsewhere).
 */
export const startTwoFactorSetup: Endpoint = {
  path: '/totp/setup',
  method: 'post',
  handler: async (req) => {
    const asked = await ownTwoFactorChange(req)
    if (asked instanceof Response) return asked
    const { me, state } = asked
    if (state.enabled) return refuse(req, 409, 'alreadyOn')
    const secret = newTotpSecret()
    await writeTwoFactor(req.payload, me.id, { totpPendingSecret: sealSecret(secret) })
    const uri = otpauthUri(secret, state.email)
    return Response.json({ secret, uri, qr: qrPath(uri) })
  },
}

/** Only the session that set it up stays signed in: any other was opened with the password alone. */
async function keepOnlySession(payload: Payload, id: number | string, sid: string | undefined): Promise<void> {
  const doc = (await payload.db.findOne({ collection: 'users', where: { id: { equals: id } } })) as {
    sessions?: { id: string }[]
  } | null
  const sessions = (doc?.sessions ?? []).filter((session) => session.id === sid)
  await payload.db.updateOne({ collection: 'users', id, data: { sessions }, returning: false })
}

/**
 * POST /api/users/totp/confirm {code}: the first code from the app switches two-factor sign-in on
 * and returns ten recovery codes, shown this once; only their keyed hashes are stored.
 */
export const confirmTwoFactorSetup: Endpoint = {
  path: '/totp/confirm',
  method: 'post',
  handler: async (req) => {
    const asked = await ownTwoFactorChange(req)
    if (asked instanceof Response) return asked
    const { me, body, state } = asked
    if (state.enabled) return refuse(req, 409, 'alreadyOn')
    const pending = openSecret(state.sealedPendingSecret)
    if (!pending || !state.sealedPendingSecret) return refuse(req, 409, 'startFirst')
    const step = await totpStep(pending, codeIn(body))
    if (step === undefined || !(await claimOnce(req.payload, 'step', 'totp', String(me.id), String(step)))) {
      return refuse(req, 400, 'confirmWrong')
    }
    const recoveryCodes = newRecoveryCodes()
    await writeTwoFactor(req.payload, me.id, {
      totpEnabled: true,
      totpSecret: state.sealedPendingSecret,
      totpPendingSecret: null,
      totpRecoveryCodes: recoveryCodes.map(hashRecoveryCode),
    })
    await keepOnlySession(req.payload, me.id, me.sid)
    req.payload.logger.info({ msg: 'Two-factor sign-in switched on', user: me.id })
    return Response.json({ enabled: true, recoveryCodes })
  },
}
