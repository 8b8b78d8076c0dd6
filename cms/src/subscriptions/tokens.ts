import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto'

/**
 * Signed tokens in links, one purpose each. `confirm` expires; `manage` (preferences, export,
 * erase) and `unsubscribe` do not, so a years-old e-mail still unsubscribes. All carry the
 * subscriber's token version: bumping it revokes every token given out before (docs/adr/0011).
 */
export const tokenPurposes = ['confirm', 'manage', 'unsubscribe'] as const
export type TokenPurpose = (typeof tokenPurposes)[number]

export type TokenClaims = { purpose: TokenPurpose; subscriber: number; version: number; expires?: number }

export const confirmTokenLifetimeMs = 7 * 24 * 3600 * 1000

function key(): Buffer {
  const secret = process.env.PAYLOAD_SECRET
  if (!secret) throw new Error('PAYLOAD_SECRET is not set; subscription links cannot be signed.')
  // A key of its own, so a token can never be mistaken for anything else signed with the secret.
  return Buffer.from(hkdfSync('sha256', secret, 'pressroom', 'subscription-tokens-v1', 32))
}

const mac = (purpose: string, body: string) =>
  createHmac('sha256', key()).update(`${purpose}.${body}`).digest().subarray(0, 18)

export function signToken(claims: TokenClaims): string {
  const fields: (string | number)[] = [claims.subscriber, claims.version]
  if (claims.expires !== undefined) fields.push(Math.floor(claims.expires / 1000))
  const body = Buffer.from(fields.join(':')).toString('base64url')
  return `${claims.purpose[0]}.${body}.${mac(claims.purpose, body).toString('base64url')}`
}

export type TokenCheck =
  | { ok: true; claims: TokenClaims }
  | { ok: false; reason: 'malformed' | 'signature' | 'expired' | 'purpose' }

/** Checks shape, purpose, signature and expiry; the caller compares the version with the subscriber's. */
export function verifyToken(token: unknown, purpose: TokenPurpose): TokenCheck {
  if (typeof token !== 'string' || token.length > 200) return { ok: false, reason: 'malformed' }
  const parts = token.split('.')
  if (parts.length !== 3) return { ok: false, reason: 'malformed' }
  const [tag, body, signature] = parts as [string, string, string]
  if (tag !== purpose[0]) return { ok: false, reason: 'purpose' }
  const expected = mac(purpose, body)
  const given = Buffer.from(signature, 'base64url')
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'signature' }
  const fields = Buffer.from(body, 'base64url').toString().split(':').map(Number)
  if (fields.length < 2 || fields.some((n) => !Number.isSafeInteger(n) || n < 0))
    return { ok: false, reason: 'malformed' }
  const [subscriber, version, expiresSeconds] = fields as [number, number, number | undefined]
  const claims: TokenClaims = { purpose, subscriber, version }
  if (purpose === 'confirm') {
    if (expiresSeconds === undefined) return { ok: false, reason: 'malformed' }
    claims.expires = expiresSeconds * 1000
    if (claims.expires < Date.now()) return { ok: false, reason: 'expired' }
  }
  return { ok: true, claims }
}
