import type { SanitizedConfig } from 'payload'
import { capAnonymousQueries } from './capAnonymousQueries.ts'
import { checkQueryArguments } from './checkQueryArguments.ts'
import { rejectMalformedId } from './rejectMalformedId.ts'
import { requireDocumentData } from './requireDocumentData.ts'

/**
 * Payload adds collections of its own while it builds the config (preferences, locked documents,
 * jobs, migrations), after our collections got their request guards; staff can query them over
 * REST, and a negative page or a malformed ID there was a 500 on PostgreSQL. They get the same
 * argument and ID checks (docs/adr/0035); their IDs are integers too.
 */
export async function guardPayloadCollections(config: Promise<SanitizedConfig> | SanitizedConfig) {
  const built = await config
  for (const collection of built.collections) {
    const hooks = collection.hooks.beforeOperation ?? []
    if (hooks.includes(checkQueryArguments)) continue
    collection.hooks.beforeOperation = [
      rejectMalformedId,
      checkQueryArguments,
      capAnonymousQueries,
      requireDocumentData,
      ...hooks,
    ]
  }
  return built
}
