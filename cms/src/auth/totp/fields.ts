import type { Field, FieldAccess } from 'payload'
import { hasRole } from '../../access/roles.ts'

const never = () => false

/** Administrators see who has two-factor sign-in on; others see only their own. */
const adminOrSelfField: FieldAccess = ({ req, doc }) =>
  hasRole(req.user, 'admin') || (req.user?.collection === 'users' && doc?.id === req.user.id)

/** Secrets: no API answer carries them and no API write sets them (src/auth/totp/store.ts does). */
const secret = { access: { read: never, create: never, update: never }, hidden: true } as const

/**
 * Two-factor sign-in (docs/adr/0034). Spread into the users collection's fields; the endpoints in
 * ./endpoints are the only writers. The sealed secret, the pending one during set-up and the
 * recovery-code hashes are hidden fields: never read, never written through the API.
 */
export const twoFactorFields: Field[] = [
  {
    name: 'totpEnabled',
    type: 'checkbox',
    defaultValue: false,
    access: { read: adminOrSelfField, create: never, update: never },
    admin: { hidden: true },
  },
  { name: 'totpSecret', type: 'text', ...secret },
  { name: 'totpPendingSecret', type: 'text', ...secret },
  { name: 'totpRecoveryCodes', type: 'json', ...secret },
  {
    name: 'twoFactor',
    type: 'ui',
    label: { en: 'Two-factor sign-in', ru: 'Двухфакторный вход' },
    admin: { components: { Field: '/auth/totp/admin/TwoFactorSettings.tsx#TwoFactorSettings' } },
  },
]
