import type { Payload, PayloadRequest } from 'payload'

/** What the users collection keeps for two-factor sign-in (fields.ts); secrets are sealed. */
export type TwoFactorState = {
  email: string
  role?: string
  enabled: boolean
  sealedSecret?: string
  sealedPendingSecret?: string
  recoveryHashes: string[]
}

export type TwoFactorChange = {
  totpEnabled?: boolean
  totpSecret?: string | null
  totpPendingSecret?: string | null
  totpRecoveryCodes?: string[] | null
}

/** Reads the hidden fields, which no API answer ever carries. Pass `req` inside an operation. */
export async function readTwoFactor(
  payload: Payload,
  id: number | string,
  req?: PayloadRequest,
): Promise<TwoFactorState> {
  const user = (await payload.findByID({
    collection: 'users',
    id,
    depth: 0,
    overrideAccess: true,
    showHiddenFields: true,
    req,
  })) as unknown as Record<string, unknown>
  const hashes = user.totpRecoveryCodes
  return {
    email: String(user.email ?? ''),
    role: typeof user.role === 'string' ? user.role : undefined,
    enabled: user.totpEnabled === true,
    sealedSecret: typeof user.totpSecret === 'string' ? user.totpSecret : undefined,
    sealedPendingSecret: typeof user.totpPendingSecret === 'string' ? user.totpPendingSecret : undefined,
    recoveryHashes: Array.isArray(hashes) ? hashes.filter((h): h is string => typeof h === 'string') : [],
  }
}

/**
 * Writes them past field access (the fields refuse every API write). Inside an operation pass
 * its `req`: on PostgreSQL the sign-in's transaction holds the user's row.
 */
export async function writeTwoFactor(
  payload: Payload,
  id: number | string,
  data: TwoFactorChange,
  req?: PayloadRequest,
): Promise<void> {
  await payload.update({ collection: 'users', id, data, depth: 0, overrideAccess: true, req })
}
