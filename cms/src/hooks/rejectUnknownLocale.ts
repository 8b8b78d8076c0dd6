import { isLocale, localeCodes } from '@pressroom/shared'
import {
  APIError,
  type CollectionBeforeOperationHook,
  type GlobalBeforeOperationHook,
  type PayloadRequest,
} from 'payload'

/**
 * Payload quietly reads and writes the default language when it is given a locale it does not
 * know; a press room must not file Russian text under English because of a typo.
 */
export function assertKnownLocale(req: PayloadRequest): void {
  const fallback = req.query?.['fallback-locale']
  // "No fallback" is spelled none, null or false; the admin sends `fallback-locale=null` when it
  // saves a document of a collection without localized fields (e.g. a dispatch).
  const noFallback = fallback === 'none' || fallback === 'null' || fallback === 'false'
  const candidates = [req.locale, req.query?.locale, noFallback ? undefined : fallback]
  for (const value of candidates) {
    if (value === undefined || value === null || value === '') continue
    if (typeof value === 'string' && (value === 'all' || value === '*' || isLocale(value))) continue
    throw new APIError(
      `Unknown locale "${String(value)}". Use one of: ${localeCodes.join(', ')} (or "all" to read every language).`,
      400,
      undefined,
      true,
    )
  }
}

export const rejectUnknownLocale: CollectionBeforeOperationHook = ({ args, req }) => {
  assertKnownLocale(req)
  return args
}

export const rejectUnknownLocaleInGlobal: GlobalBeforeOperationHook = ({ args, req }) => {
  assertKnownLocale(req)
  return args
}
