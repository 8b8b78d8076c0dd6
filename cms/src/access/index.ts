import type { Access, FieldAccess } from 'payload'
import { publishedWhere, releasedWhere } from './embargo.ts'
import { hasRole, roleOf } from './roles.ts'

export const anyone: Access = () => true

export const isStaff: Access = ({ req }) => roleOf(req.user) !== null

export const isAdmin: Access = ({ req }) => hasRole(req.user, 'admin')

export const isPublisher: Access = ({ req }) => hasRole(req.user, 'admin', 'editor')

export const isAdminField: FieldAccess = ({ req }) => hasRole(req.user, 'admin')

/** An internal field: absent from every anonymous answer, whatever its document (docs/adr/0025). */
export const staffOnlyField: FieldAccess = ({ req }) => roleOf(req.user) !== null

export const isPublisherField: FieldAccess = ({ req }) => hasRole(req.user, 'admin', 'editor')

// What the public may read of a document with drafts (its published version) and with an
// embargo (that, once the embargo has passed): written once, in embargo.ts; uploads follow it too
// (docs/adr/0022).
export { publishedWhere, releasedWhere } from './embargo.ts'

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
