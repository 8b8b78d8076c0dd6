/**
 * What one anonymous request may make the CMS read (docs/adr/0035). A reader's page, the site's
 * build and its index fit well inside; staff keep Payload's full power. Larger asks are lowered,
 * as Payload lowers a depth above its maximum, and the answer's `limit` says what was applied.
 */
export const anonymousQueryLimits = {
  /** Documents in one page of a list. */
  limit: 100,
  /** …of an index that selects a few fields in one language, as the site's loader reads. */
  indexLimit: 1000,
  /** Relationship levels populated. */
  depth: 2,
  /** …with `locale=all`, where every populated document also carries every language. */
  depthAllLocales: 1,
} as const
