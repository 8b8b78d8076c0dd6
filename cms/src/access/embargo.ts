import type { Where } from 'payload'

/**
 * The one embargo rule (docs/adr/0022, 0025): a document is released, readable by the public,
 * shown on the site and e-mailed to subscribers, once it is published and its embargo, if it
 * has one, has passed; the embargo instant itself counts as passed. `releaseOf` answers for a
 * document in hand (the site-rebuild hook, the mail planner); `releasedWhere` is the same rule
 * as a query (access control, and through it uploads).
 */

const releasedStatus = 'published'

/** What a document needs to say for the rule: its status and, for kinds that have one, its embargo. */
export type Releasable = { _status?: unknown; embargoUntil?: unknown }

/**
 * Released now, or not: then `until` is the instant it will be by the clock alone, or null when
 * the clock will not do it (a draft, or an embargo that is not an instant).
 */
export type Release = { released: true } | { released: false; until: Date | null }

/**
 * The embargo's instant, undefined when there is none. A value that is not an instant (stored
 * before docs/adr/0025 refused them, the empty string included) is null: it never lifts.
 */
function embargoInstant(value: unknown): Date | null | undefined {
  if (value === undefined || value === null) return undefined
  const at = typeof value === 'string' || value instanceof Date ? new Date(value) : null
  return at && !Number.isNaN(at.getTime()) ? at : null
}

export function releaseOf(doc: Releasable, now: Date = new Date()): Release {
  if (doc._status !== releasedStatus) return { released: false, until: null }
  const embargo = embargoInstant(doc.embargoUntil)
  if (embargo === undefined) return { released: true }
  if (embargo === null) return { released: false, until: null }
  return embargo.getTime() <= now.getTime() ? { released: true } : { released: false, until: embargo }
}

/** What the public may read of a document with drafts: its published version (docs/adr/0004). */
export const publishedWhere = (): Where => ({ _status: { equals: releasedStatus } })

/** `releaseOf` as a query: published, and no embargo or one at or before `now`. */
export const releasedWhere = (now: Date = new Date()): Where => ({
  and: [
    publishedWhere(),
    { or: [{ embargoUntil: { exists: false } }, { embargoUntil: { less_than_equal: now.toISOString() } }] },
  ],
})
