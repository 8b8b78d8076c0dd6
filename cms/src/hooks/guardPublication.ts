import { APIError, type CollectionBeforeOperationHook } from 'payload'
import { roleOf } from '../access/roles.ts'

/**
 * Access control lets any staff member save, and hides "Publish" from translators. This hook
 * is the enforcement: a translator's write must be a draft (a new version that leaves the
 * published one untouched). Publishing, unpublishing or editing the live version is refused.
 */
export const guardPublication: CollectionBeforeOperationHook = ({ args, operation, overrideAccess, req }) => {
  if (overrideAccess || roleOf(req.user) !== 'translator') return args
  if (operation !== 'create' && operation !== 'update') return args

  const status = (args.data as { _status?: unknown } | undefined)?._status
  const writesLiveVersion = operation === 'update' ? args.draft !== true : status === 'published'
  if (status === 'published' || writesLiveVersion) {
    throw new APIError(
      'Translators can save drafts only. Save as draft and ask an editor to publish it.',
      403,
      undefined,
      true,
    )
  }
  return args
}
