import type { SanitizedConfig } from 'payload'
import { capAnonymousQueries } from './capAnonymousQueries.ts'
import { checkQueryArguments } from './checkQueryArguments.ts'
import { requireDocumentData } from './requireDocumentData.ts'

/**
 * Payload adds collections of its own while it builds the config (preferences, locked documents,
 * jobs, migrations), after our collections got their request guards; staff can query them over
 * REST, and a negative page there was a 500 on PostgreSQL. They get the same argument checks
 * (docs/adr/0035).
 */
export async function guardPayloadCollections(config: Promise<SanitizedConfig> | SanitizedConfig) {
  const built = await config
  for (const collection of built.collections) {
    const hooks = collection.hooks.beforeOperation ?? []
    if (hooks.includes(checkQueryArguments)) continue
    collection.hooks.beforeOperation = [checkQueryArguments, capAnonymousQueries, requireDocumentData, ...hooks]
  }
  return built
}
