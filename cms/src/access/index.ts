import type { Access, FieldAccess, Where } from 'payload'
import { hasRole, roleOf } from './roles.ts'

export const anyone: Access = () => true

export const isStaff: Access = ({ req }) => roleOf(req.user) !== null

export const isAdmin: Access = ({ req }) => hasRole(req.user, 'admin')

export const isPublisher: Access = ({ req }) => hasRole(req.user, 'admin', 'editor')

export const isAdminField: FieldAccess = ({ req }) => hasRole(req.user, 'admin')

export const isStaffField: FieldAccess = ({ req }) => roleOf(req.user) !== null

export const isPublisherField: FieldAccess = ({ req }) => hasRole(req.user, 'admin', 'editor')

const published: Where = { _status: { equals: 'published' } }

/** Staff read everything; everyone else reads published documents only. */
export const publishedOrStaff: Access = ({ req }) => (roleOf(req.user) ? true : published)

/**
 * Like publishedOrStaff, and an embargoed document stays hidden from the public until its
 * embargo has passed, even though it is already published.
 */
export const publishedAndReleasedOrStaff: Access = ({ req }) => {
  if (roleOf(req.user)) return true
  return {
    and: [
      published,
      {
        or: [{ embargoUntil: { exists: false } }, { embargoUntil: { less_than_equal: new Date().toISOString() } }],
      },
    ],
  }
}

/**
 * Any staff member may save; only publishers may save a published version. A translator
 * saving a draft of a published document leaves the published version untouched.
 */
export const canSaveContent: Access = ({ req, data }) => {
  const role = roleOf(req.user)
  if (!role) return false
  if (role === 'translator' && data?._status === 'published') return false
  return true
}
