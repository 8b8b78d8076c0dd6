import type { PayloadRequest } from 'payload'
import { mustEnrolFirst } from './twoFactorRequired.ts'

/**
 * admin: everything, including users and settings.
 * editor: writes, publishes, unpublishes and deletes content.
 * translator: writes and translates content, but cannot publish, unpublish or delete.
 */
export const roles = ['admin', 'editor', 'translator'] as const
export type Role = (typeof roles)[number]

type RequestUser = PayloadRequest['user']

export function roleOf(user: RequestUser): Role | null {
  if (user?.collection !== 'users') return null
  // An administrator who must set up two-factor sign-in first acts as nobody until then (docs/adr/0034).
  if (mustEnrolFirst(user)) return null
  const role = (user as { role?: unknown }).role
  return roles.includes(role as Role) ? (role as Role) : null
}

export function hasRole(user: RequestUser, ...allowed: Role[]): boolean {
  const role = roleOf(user)
  return role !== null && allowed.includes(role)
}
