import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto'
import { isLocale, type Locale } from '@pressroom/shared'

/**
 * Private links of an advance send (docs/adr/0043), one per recipient and language. The key is
 * derived from PAYLOAD_SECRET under a purpose label of its own, so this token is never confused
 * with a preview, a subscription or an acknowledgement link. It binds the link row's id and
 * creation time (a rebuilt database reusing ids opens nothing), the language and an expiry.
 */
const purpose = 'pressroom advance embargoed link v1'
const tokenPattern = /^(\d{1,15})\.([a-z]{2})\.(\d{10,11})\.([A-Za-z0-9_-]{43})$/

/** How long after the embargo a link still leads to the public page, then it is worthless. */
export const linkLifetimeAfterEmbargoMs = 90 * 24 * 3600_000

export type LinkRow = { id: number | string; createdAt: string }
export type ParsedToken = { id: number; locale: Locale; expires: number; signature: string }

function signingKey(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), purpose, 32))
}

function mac(secret: string, row: LinkRow, locale: Locale, expires: number): string {
  const created = new Date(row.createdAt).toISOString()
  return createHmac('sha256', signingKey(secret))
    .update(`${row.id}|${created}|${locale}|${expires}`)
    .digest('base64url')
}

/** The token of `row` in `locale`, worthless after `expires` (an instant). */
export function signAdvanceToken(secret: string, row: LinkRow, locale: Locale, expires: Date): string {
  const seconds = Math.floor(expires.getTime() / 1000)
  return `${row.id}.${locale}.${seconds}.${mac(secret, row, locale, seconds)}`
}

/** The parts of something shaped like our token, or null. Says nothing about its signature. */
export function parseAdvanceToken(token: string): ParsedToken | null {
  const match = tokenPattern.exec(token)
  if (!match) return null
  const [, id, locale, expires, signature] = match
  if (!isLocale(locale) || !signature) return null
  // Only the spelling we sign: base64url's last letter carries 2 spare bits a decoder ignores.
  if (Buffer.from(signature, 'base64url').toString('base64url') !== signature) return null
  return { id: Number(id), locale, expires: Number(expires), signature }
}

/** Whether `parsed` was signed for `row` and is unexpired; forged and expired take the same path. */
export function verifyAdvanceToken(secret: string, parsed: ParsedToken, row: LinkRow, now = Date.now()): boolean {
  const expected = Buffer.from(mac(secret, row, parsed.locale, parsed.expires))
  const given = Buffer.from(parsed.signature)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return false
  return parsed.expires * 1000 > now
}

/** The page a token opens, on the CMS's own origin (never the static site). */
export function advancePath(token: string): string {
  return `/embargoed/${token}`
}
