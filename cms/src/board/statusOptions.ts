import { getTranslation, type I18n } from '@payloadcms/translations'
import type { CollectionSlug, Payload } from 'payload'

type Option = string | { value: string; label?: unknown }

/** The options of a collection's `status` select, as its config has them now. */
function statusOptions(payload: Payload, collection: CollectionSlug): Option[] {
  const field = payload.collections[collection]?.config.flattenedFields.find((f) => f.name === 'status')
  return field?.type === 'select' ? (field.options as Option[]) : []
}

const optionValue = (option: Option) => (typeof option === 'string' ? option : option.value)

/**
 * Those of `values` the collection's `status` has. PostgreSQL refuses a query naming a value its
 * enum lacks, so the board asks only about statuses that exist (a status another change adds,
 * such as a cancelled send, joins once the config has it).
 */
export function existingStatuses(payload: Payload, collection: CollectionSlug, values: readonly string[]) {
  const known = new Set(statusOptions(payload, collection).map(optionValue))
  return values.filter((value) => known.has(value))
}

/**
 * The translated label the collection's own `status` select gives `value`, or null when it gives
 * none (a bare option, or a value the config no longer has). Lets the board word a status added
 * later by its collection (for example a send waiting out its grace period) without knowing it.
 */
export function statusOptionLabel(payload: Payload, collection: CollectionSlug, value: string, i18n: I18n) {
  const option = statusOptions(payload, collection).find((o) => optionValue(o) === value)
  if (!option || typeof option === 'string' || !option.label || typeof option.label !== 'object') return null
  const label = getTranslation(option.label as Record<string, string>, i18n as never)
  return typeof label === 'string' ? label : null
}
