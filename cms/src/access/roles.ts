import type { PayloadRequest } from 'payload'

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
  const role = (user as { role?: unknown }).role
  return roles.includes(role as Role) ? (role as Role) : null
}

export function hasRole(user: RequestUser, ...allowed: Role[]): boolean {
  const role = roleOf(user)
  return role !== null && allowed.includes(role)
}
