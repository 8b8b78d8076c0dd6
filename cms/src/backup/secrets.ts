import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto'
import { BackupRefused } from './manifest.ts'

/**
 * cms/.env (PAYLOAD_SECRET, Resend keys) goes into a backup only when asked, and then only
 * encrypted: a key derived from the passphrase with scrypt (node:crypto), AES-256-GCM, whose tag
 * also tells a wrong passphrase from a right one (docs/adr/0030).
 */
type Sealed = {
  kdf: 'scrypt'
  N: number
  r: number
  p: number
  salt: string
  cipher: 'aes-256-gcm'
  iv: string
  tag: string
  data: string
}

const label = Buffer.from('pressroom-backup secrets v1')
export const minimumPassphraseLength = 12

function deriveKey(passphrase: string, salt: Buffer, sealed: Pick<Sealed, 'N' | 'r' | 'p'>): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(passphrase, salt, 32, { N: sealed.N, r: sealed.r, p: sealed.p, maxmem: 256 * 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  )
}

export async function sealSecrets(plain: Buffer, passphrase: string): Promise<string> {
  if (passphrase.length < minimumPassphraseLength) {
    throw new Error(`The backup passphrase must have at least ${minimumPassphraseLength} characters.`)
  }
  const params = { N: 2 ** 17, r: 8, p: 1 }
  const salt = randomBytes(16)
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', await deriveKey(passphrase, salt, params), iv)
  cipher.setAAD(label)
  const data = Buffer.concat([cipher.update(plain), cipher.final()])
  const sealed: Sealed = {
    kdf: 'scrypt',
    ...params,
    salt: salt.toString('base64'),
    cipher: 'aes-256-gcm',
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  }
  return `${JSON.stringify(sealed, null, 2)}\n`
}

export async function openSecrets(text: string, passphrase: string): Promise<Buffer> {
  const sealed = JSON.parse(text) as Sealed
  const key = await deriveKey(passphrase, Buffer.from(sealed.salt, 'base64'), sealed)
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'))
  decipher.setAAD(label)
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'))
  try {
    return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()])
  } catch {
    throw new BackupRefused(
      'The passphrase does not open the secrets in this backup (wrong passphrase). Nothing was changed. ' +
        'Try again with the passphrase used for the backup, or restore without --with-secrets.',
    )
  }
}
