import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto'
import { type PreviewSubject, previewSubject } from './subject.ts'

/**
 * Signed preview links (docs/adr/0037-previews.md). The key is derived from PAYLOAD_SECRET under
 * a purpose label of its own, so a preview token is never confused with a session, a
 * subscription link or an acknowledgement link. A token binds the collection, the id, the
 * language and the expiry instant; changing any of them (or one character of the signature)
 * makes it worthless, and the preview answers exactly as for an unknown document.
 */
const purpose = 'pressroom page preview v1'

/** How long a preview link works: long enough to read and share with a colleague, short enough to leak little. */
export const previewLifetimeSeconds = 60 * 60

const tokenPattern = /^([a-z-]{1,40})\.(\d{1,15})\.([a-z]{2})\.(\d{10,11})\.([A-Za-z0-9_-]{43})$/

function signingKey(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), purpose, 32))
}

function mac(secret: string, subject: PreviewSubject, expires: number): Buffer {
  return createHmac('sha256', signingKey(secret))
    .update(`${subject.collection}|${subject.id}|${subject.locale}|${expires}`)
    .digest()
}

function tokenUntil(secret: string, subject: PreviewSubject, expires: number): string {
  const signature = mac(secret, subject, expires).toString('base64url')
  return `${subject.collection}.${subject.id}.${subject.locale}.${expires}.${signature}`
}

/** A token for `subject`, valid until `now` plus the lifetime. */
export function signPreviewToken(secret: string, subject: PreviewSubject, now = Date.now()): string {
  return tokenUntil(secret, subject, Math.floor(now / 1000) + previewLifetimeSeconds)
}

/** A token for `subject` that expires with `genuine` (verified first): a preview's other language. */
export function siblingPreviewToken(secret: string, genuine: string, subject: PreviewSubject): string {
  return tokenUntil(secret, subject, Number(genuine.split('.')[3]))
}

/** The subject of a genuine, unexpired token, or null for anything else (malformed, tampered, expired). */
export function verifyPreviewToken(secret: string, token: string, now = Date.now()): PreviewSubject | null {
  const match = tokenPattern.exec(token)
  if (!match) return null
  const [, collection, id, locale, expiresText, signatureText] = match
  const subject = previewSubject(collection, id, locale)
  const expires = Number(expiresText)
  if (!subject || !signatureText) return null
  const expected = mac(secret, subject, expires)
  // Compared as text, in the one spelling we sign: 43 base64url characters carry 2 spare bits, and
  // a decoder ignores them, so "…A" and "…B" would decode to the same signature.
  const signature = Buffer.from(signatureText)
  const wanted = Buffer.from(expected.toString('base64url'))
  // Checked before the expiry, so an expired and a forged token take the same path.
  if (signature.length !== wanted.length || !timingSafeEqual(signature, wanted)) return null
  return expires * 1000 > now ? subject : null
}

/** The page a token opens, on the CMS's own origin. */
export function previewPath(token: string): string {
  return `/preview/${token}`
}
