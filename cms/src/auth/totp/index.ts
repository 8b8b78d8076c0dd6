import type { CollectionConfig, Config } from 'payload'
import { sameOriginOnly } from '../../http/sameOrigin.ts'
import { confirmTwoFactorSetup, startTwoFactorSetup } from './endpoints/enrol.ts'
import { twoFactorStatus } from './endpoints/status.ts'
import { disableTwoFactor, resetTwoFactor } from './endpoints/turnOff.ts'
import { twoFactorFields } from './fields.ts'
import { endSessionAfterReset, rememberSecondFactorCode, requireSecondFactor } from './hooks.ts'

/**
 * Two-factor sign-in for the users collection (docs/adr/0034), as one wrapper so Users stays
 * one line away from it: its fields, endpoints and sign-in hooks.
 */
export function withTwoFactor(users: CollectionConfig): CollectionConfig {
  const hooks = users.hooks ?? {}
  return {
    ...users,
    fields: [...users.fields, ...twoFactorFields],
    endpoints: [
      ...(users.endpoints || []),
      twoFactorStatus,
      // They change an account with the session cookie: same origin and JSON only (docs/adr/0033).
      ...[startTwoFactorSetup, confirmTwoFactorSetup, disableTwoFactor, resetTwoFactor].map((endpoint) =>
        sameOriginOnly(endpoint),
      ),
    ],
    hooks: {
      ...hooks,
      beforeOperation: [...(hooks.beforeOperation ?? []), rememberSecondFactorCode],
      beforeLogin: [...(hooks.beforeLogin ?? []), requireSecondFactor],
      afterOperation: [...(hooks.afterOperation ?? []), endSessionAfterReset],
    },
  }
}

/** The admin's sign-in form (with the code), the enrolment page and the gate that sends there. */
export const twoFactorAdmin = {
  views: {
    login: { Component: '/auth/totp/admin/SignInView.tsx#SignInView' },
    twoFactor: { Component: '/auth/totp/admin/EnrolView.tsx#EnrolView', path: '/two-factor', exact: true },
  },
  providers: ['/auth/totp/admin/EnrolmentGate.tsx#EnrolmentGate'],
} satisfies NonNullable<Config['admin']>['components']
