import type { Access } from 'payload'
import { hasRole, roleOf } from './roles.ts'

/** Admins manage every account; other staff see and change only their own. */
export const adminOrSelf: Access = ({ req }) => {
  if (hasRole(req.user, 'admin')) return true
  if (roleOf(req.user) && req.user) return { id: { equals: req.user.id } }
  return false
}
