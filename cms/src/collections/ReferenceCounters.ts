import type { CollectionConfig } from 'payload'

/** Last sequence issued per reference key (GC-PR-2026); written only by the reference hook. */
export const ReferenceCounters: CollectionConfig = {
  slug: 'reference-counters',
  admin: { hidden: true },
  access: { read: () => false, create: () => false, update: () => false, delete: () => false },
  fields: [
    { name: 'key', type: 'text', required: true, unique: true, index: true },
    { name: 'last', type: 'number', required: true, min: 1 },
  ],
}
