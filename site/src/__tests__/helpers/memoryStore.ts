import type { LoaderContext } from 'astro/loaders'

export type Entry = { id: string; data: Record<string, unknown>; digest?: string | number }

/** A loader context whose store stands in for Astro's (same calls, kept in memory). */
export function memoryContext(schema: { parse: (value: unknown) => unknown }) {
  const entries = new Map<string, Entry>()
  const meta = new Map<string, string>()
  const logs: string[] = []
  const store = {
    get: (id: string) => entries.get(id),
    set: (entry: Entry) => {
      const existing = entries.get(entry.id)
      if (existing?.digest !== undefined && existing.digest === entry.digest) return false
      entries.set(entry.id, entry)
      return true
    },
    delete: (id: string) => void entries.delete(id),
    clear: () => entries.clear(),
    has: (id: string) => entries.has(id),
    keys: () => [...entries.keys()],
    values: () => [...entries.values()],
    entries: () => [...entries.entries()],
  }
  const context = {
    collection: 'test',
    store,
    meta: {
      get: (k: string) => meta.get(k),
      set: (k: string, v: string) => void meta.set(k, v),
      has: (k: string) => meta.has(k),
      delete: (k: string) => void meta.delete(k),
    },
    logger: {
      info: (m: string) => logs.push(m),
      warn: (m: string) => logs.push(m),
      error: (m: string) => logs.push(m),
      debug: () => {},
    },
    parseData: async ({ data }: { data: unknown }) => schema.parse(data),
  } as unknown as LoaderContext
  return { context, entries, logs }
}
