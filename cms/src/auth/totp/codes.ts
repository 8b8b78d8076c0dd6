import { createHmac, randomInt } from 'node:crypto'
import { generateSecret, generateURI, verify } from 'otplib'

/** RFC 6238 defaults every authenticator app understands: SHA-1, 6 digits, 30 seconds. */
export const period = 30
/** One step either side: a phone clock 30 s off, or a code typed as it changed, still works. */
const tolerance = period

export const newTotpSecret = (): string => generateSecret()

export function otpauthUri(secret: string, email: string): string {
  return generateURI({ issuer: 'Press room', label: email, secret })
}

/** The code's time step when `code` is right for `secret` now, else undefined. */
export async function totpStep(secret: string, code: string): Promise<number | undefined> {
  if (!/^\d{6}$/.test(code)) return undefined
  const result = await verify({ secret, token: code, epochTolerance: tolerance })
  return result.valid && 'timeStep' in result ? result.timeStep : undefined
}

// Crockford's base32 without look-alikes (no i, l, o, u): easy to read off paper and type.
const alphabet = '0123456789abcdefghjkmnpqrstvwxyz'
export const recoveryCodeCount = 10

/** Ten codes such as `4f7kq-2m9xz` (50 random bits each), shown once at enrolment. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: recoveryCodeCount }, () => {
    const chars = Array.from({ length: 10 }, () => alphabet[randomInt(alphabet.length)])
    return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`
  })
}

/** Case, spaces and dashes do not matter when a recovery code is typed back. */
export const normalizeRecoveryCode = (code: string): string => code.toLowerCase().replace(/[^0-9a-z]/g, '')

/**
 * Stored instead of the code: a keyed hash (PAYLOAD_SECRET). The codes carry 50 random bits, so a
 * fast hash is enough; the key keeps a stolen table from being checked offline at all.
 */
export function hashRecoveryCode(code: string): string {
  return createHmac('sha256', process.env.PAYLOAD_SECRET ?? '')
    .update(`totp-recovery\n${normalizeRecoveryCode(code)}`)
    .digest('base64url')
}

/** A typed code looks like a six-digit TOTP code rather than a recovery code. */
export const looksLikeTotp = (code: string): boolean => /^\d{6}$/.test(code.replace(/\s/g, ''))
