import type { PayloadRequest } from 'payload'

/**
 * `TOTP_REQUIRED_FOR_ADMINS=true` makes two-factor sign-in required for administrators: one
 * without it may do nothing but enrol (docs/adr/0034). An environment variable, not a setting in
 * the admin, so that a stolen admin password cannot switch the requirement off. Read on every
 * call, so tests and a restart pick up a change.
 */
export function twoFactorRequiredForAdmins(): boolean {
  const value = (process.env.TOTP_REQUIRED_FOR_ADMINS ?? '').trim().toLowerCase()
  return value === 'true' || value === '1' || value === 'yes'
}

type MaybeStaff = { collection?: unknown; role?: unknown; totpEnabled?: unknown } | null | undefined

/** An administrator who must enrol before anything else: until then no role counts for them. */
export function mustEnrolFirst(user: MaybeStaff | PayloadRequest['user']): boolean {
  const staff = user as MaybeStaff
  return (
    staff?.collection === 'users' &&
    staff.role === 'admin' &&
    staff.totpEnabled !== true &&
    twoFactorRequiredForAdmins()
  )
}
