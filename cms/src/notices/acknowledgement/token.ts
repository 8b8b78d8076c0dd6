import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto'

/**
 * Signed acknowledgement links (docs/adr/0017). The key is derived from PAYLOAD_SECRET under a
 * purpose label of its own, so a token can never be confused with a session or another signed
 * value. It binds the dispatch log row's ID and creation time: a link from a database that was
 * rebuilt (IDs reused) does not acknowledge an unrelated row.
 */
const purpose = 'pressroom notice acknowledgement v1'
const tokenPattern = /^(\d{1,15})\.([A-Za-z0-9_-]{43})$/

export type TokenSubject = { id: number | string; createdAt: string }

function signingKey(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), purpose, 32))
}

function mac(secret: string, subject: TokenSubject): Buffer {
  const created = new Date(subject.createdAt).toISOString()
  return createHmac('sha256', signingKey(secret)).update(`${subject.id}|${created}`).digest()
}

export function signAcknowledgementToken(secret: string, subject: TokenSubject): string {
  return `${subject.id}.${mac(secret, subject).toString('base64url')}`
}

/** The row ID a token names, or null when the token is not even shaped like one of ours. */
export function parseAcknowledgementToken(token: string): { id: number; signature: Buffer } | null {
  const match = tokenPattern.exec(token)
  if (!match?.[1] || !match[2]) return null
  const signature = Buffer.from(match[2], 'base64url')
  // Only the spelling the CMS writes (base64url's last letter has unused bits): one link, one text.
  if (signature.toString('base64url') !== match[2]) return null
  return signature.length === 32 ? { id: Number(match[1]), signature } : null
}

export function verifyAcknowledgementSignature(secret: string, subject: TokenSubject, signature: Buffer): boolean {
  const expected = mac(secret, subject)
  return signature.length === expected.length && timingSafeEqual(signature, expected)
}

export function acknowledgementUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/acknowledge/${token}`
}
