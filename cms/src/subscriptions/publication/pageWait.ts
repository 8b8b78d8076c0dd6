import type { PlanSendInput } from '../../mail/index.ts'
import { pageLiveCheck, pageLiveReason } from './pageLiveSettings.ts'

const instant = (value: unknown): number => {
  const at = typeof value === 'string' || value instanceof Date ? new Date(value).getTime() : Number.NaN
  return Number.isNaN(at) ? 0 : at
}

/**
 * What a publication's send waits for besides its grace period (docs/adr/0044): the site showing
 * the document as it is now. The wait begins at the later of its last save and its embargo's
 * end; a build that started after that instant read it from the public API, so its success
 * makes the page live. Undefined when this CMS has no site to wait for.
 */
export function pageWait(doc: { updatedAt?: unknown; embargoUntil?: unknown }): PlanSendInput['waitFor'] {
  if (pageLiveCheck() === 'nothing') return undefined
  const since = Math.max(instant(doc.updatedAt), instant(doc.embargoUntil))
  return { reason: pageLiveReason, since: new Date(since) }
}
