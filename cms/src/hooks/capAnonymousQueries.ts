import { APIError, type CollectionBeforeOperationHook } from 'payload'
import { anonymousQueryLimits } from '../http/anonymousQueryLimits.ts'

const reads = new Set(['read', 'readDistinct', 'count', 'countVersions'])

/** Lowers an anonymous read's paging and depth to `anonymousQueryLimits` (docs/adr/0035). */
export const capAnonymousQueries: CollectionBeforeOperationHook = ({ args, operation, overrideAccess, req }) => {
  // Trusted reads (overrideAccess) are the CMS's own; anything with a user is staff.
  if (!reads.has(operation) || overrideAccess === true || req.user) return args
  // Only what the request's own query string asks: Payload's internal reads (populating
  // relationships) are unpaged by design, and bounded by the capped read that started them.
  if (req.payloadAPI === 'REST' && String(req.query?.pagination) === 'false') {
    throw new APIError(
      `Lists are read page by page: remove "pagination=false" and follow "nextPage" (at most ${anonymousQueryLimits.limit} documents a page).`,
      400,
      undefined,
      true,
    )
  }
  const capped = { ...args } as typeof args & { limit?: number; depth?: number; select?: unknown }
  const allLocales = req.locale === 'all'
  const index = !allLocales && hasSelection(capped.select)
  const maxLimit = index ? anonymousQueryLimits.indexLimit : anonymousQueryLimits.limit
  if (typeof capped.limit === 'number' && (capped.limit === 0 || capped.limit > maxLimit)) capped.limit = maxLimit
  const maxDepth = allLocales ? anonymousQueryLimits.depthAllLocales : anonymousQueryLimits.depth
  const depth = capped.depth ?? req.payload.config.defaultDepth
  if (depth > maxDepth) capped.depth = maxDepth
  return capped
}

const hasSelection = (select: unknown) =>
  typeof select === 'object' && select !== null && Object.keys(select).length > 0
