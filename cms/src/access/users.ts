import type { Access } from 'payload'
import { hasRole, roleOf } from './roles.ts'

/** Admins manage every account; other staff see and change only their own. */
export const adminOrSelf: Access = ({ req }) => {
  if (hasRole(req.user, 'admin')) return true
  if (roleOf(req.user) && req.user) return { id: { equals: req.user.id } }
  return false
}

/**
 * Reading: like adminOrSelf, and an administrator who must set up two-factor sign-in first (no
 * role until then, docs/adr/0034) still reads their own account, which the admin needs to work.
 */
export const adminOrSelfRead: Access = ({ req }) => {
  if (hasRole(req.user, 'admin')) return true
  if (req.user?.collection === 'users') return { id: { equals: req.user.id } }
  return false
}
