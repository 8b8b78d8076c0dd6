import { timingSafeEqual } from 'node:crypto'
import type { Payload, PayloadRequest } from 'payload'
import { hashRecoveryCode, looksLikeTotp, totpStep } from './codes.ts'
import { claimOnce } from './oneTimeUse.ts'
import { openSecret } from './secretBox.ts'
import { readTwoFactor, writeTwoFactor } from './store.ts'

export type SecondFactor = 'totp' | 'recovery'

const sameText = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b))

/**
 * Checks a code from the authenticator app or a recovery code for a staff member with
 * two-factor sign-in on. Each code works once; a used recovery code is struck off.
 */
export async function checkSecondFactor(
  payload: Payload,
  id: number | string,
  code: string,
  req?: PayloadRequest,
): Promise<SecondFactor | undefined> {
  const state = await readTwoFactor(payload, id, req)
  if (!state.enabled) return undefined
  if (looksLikeTotp(code)) {
    const secret = openSecret(state.sealedSecret)
    const step = secret ? await totpStep(secret, code.replace(/\s/g, '')) : undefined
    if (step === undefined) return undefined
    return (await claimOnce(payload, 'step', 'totp', String(id), String(step))) ? 'totp' : undefined
  }
  const hash = hashRecoveryCode(code)
  if (!state.recoveryHashes.some((stored) => sameText(stored, hash))) return undefined
  if (!(await claimOnce(payload, 'recovery', 'totp', String(id), hash))) return undefined
  const left = state.recoveryHashes.filter((stored) => stored !== hash)
  await writeTwoFactor(payload, id, { totpRecoveryCodes: left }, req)
  return 'recovery'
}
