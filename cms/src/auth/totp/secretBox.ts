import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'

/**
 * TOTP secrets are stored encrypted (AES-256-GCM) under a key derived from PAYLOAD_SECRET, so a
 * copy of the database or a backup alone does not let anyone compute sign-in codes. Changing
 * PAYLOAD_SECRET therefore turns every staff member's two-factor sign-in off in effect: they
 * sign in with a recovery code and enrol again (docs/adr/0034).
 */
const version = 'v1'

function key(): Buffer {
  const secret = process.env.PAYLOAD_SECRET
  if (!secret) throw new Error('PAYLOAD_SECRET is not set: two-factor secrets cannot be encrypted without it.')
  return Buffer.from(hkdfSync('sha256', secret, 'pressroom', 'totp-secret-v1', 32))
}

export function sealSecret(plain: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key(), iv)
  const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
  return [
    version,
    iv.toString('base64url'),
    cipher.getAuthTag().toString('base64url'),
    sealed.toString('base64url'),
  ].join(':')
}

/** The secret, or undefined when the value is missing or was sealed under another PAYLOAD_SECRET. */
export function openSecret(stored: unknown): string | undefined {
  if (typeof stored !== 'string') return undefined
  const [v, iv, tag, sealed] = stored.split(':')
  if (v !== version || !iv || !tag || !sealed) return undefined
  try {
    const decipher = createDecipheriv('aes-256-gcm', key(), Buffer.from(iv, 'base64url'))
    decipher.setAuthTag(Buffer.from(tag, 'base64url'))
    return Buffer.concat([decipher.update(Buffer.from(sealed, 'base64url')), decipher.final()]).toString('utf8')
  } catch {
    return undefined
  }
}
