import type { CollectionConfig } from 'payload'

/**
 * The counters of every rate limit and sign-in throttle, in the database so that all CMS
 * processes share them (docs/adr/0027). Written only by rate-limiter-flexible's Drizzle store
 * (store.ts), never through the API; keys are keyed hashes, so no address or e-mail is stored.
 */
export const RateLimits: CollectionConfig = {
  slug: 'rate-limits',
  admin: { hidden: true },
  graphQL: false,
  access: { read: () => false, create: () => false, update: () => false, delete: () => false },
  // Hot rows, rewritten on every counted request: no timestamps and no index beyond the key's.
  timestamps: false,
  lockDocuments: false,
  fields: [
    { name: 'key', type: 'text', required: true, unique: true, index: true },
    { name: 'points', type: 'number', required: true },
    // Milliseconds since 1970 (a number, so both databases compare it the same way); none: never.
    { name: 'expire', type: 'number' },
  ],
}
