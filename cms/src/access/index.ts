import type { Access, FieldAccess, Where } from 'payload'
import { hasRole, roleOf } from './roles.ts'

export const anyone: Access = () => true

export const isStaff: Access = ({ req }) => roleOf(req.user) !== null

export const isAdmin: Access = ({ req }) => hasRole(req.user, 'admin')

export const isPublisher: Access = ({ req }) => hasRole(req.user, 'admin', 'editor')

export const isAdminField: FieldAccess = ({ req }) => hasRole(req.user, 'admin')

/** An internal field: absent from every anonymous answer, whatever its document (docs/adr/0025). */
export const staffOnlyField: FieldAccess = ({ req }) => roleOf(req.user) !== null

export const isPublisherField: FieldAccess = ({ req }) => hasRole(req.user, 'admin', 'editor')

/** What the public may read of a document with drafts: its published version (docs/adr/0004). */
export const publishedWhere = (): Where => ({ _status: { equals: 'published' } })

/**
 * What the public may read of a document with an embargo: its published version, once the
 * embargo has passed. The one place this rule is written; uploads follow it too (docs/adr/0022).
 */
export const releasedWhere = (now = new Date()): Where => ({
  and: [
    publishedWhere(),
    { or: [{ embargoUntil: { exists: false } }, { embargoUntil: { less_than_equal: now.toISOString() } }] },
  ],
})

/** Staff read everything; everyone else reads published documents only. */
export const publishedOrStaff: Access = ({ req }) => (roleOf(req.user) ? true : publishedWhere())

/**
 * Like publishedOrStaff, and an embargoed document stays hidden from the public until its
 * embargo has passed, even though it is already published.
 */
export const publishedAndReleasedOrStaff: Access = ({ req }) => (roleOf(req.user) ? true : releasedWhere())

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
