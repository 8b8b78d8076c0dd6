import type { CollectionBeforeOperationHook } from 'payload'
import { roleOf } from '../access/roles.ts'

/**
 * Access control already hides drafts from the public; without this, `?draft=true` from an
 * anonymous reader would make a published document with a newer draft disappear from lists.
 * Public readers always get the published view.
 */
export const ignoreDraftsForPublic: CollectionBeforeOperationHook = ({ args, operation, overrideAccess, req }) => {
  if (operation === 'read' && !overrideAccess && !roleOf(req.user) && args.draft) {
    return { ...args, draft: false }
  }
  return args
}
