import { getTranslation, type I18n } from '@payloadcms/translations'
import type { CollectionSlug, Payload } from 'payload'

/**
 * The translated label the collection's own `status` select gives `value`, or null when it gives
 * none (a bare option, or a value the config no longer has). Lets the board word a status added
 * later by its collection (for example a send waiting out its grace period) without knowing it.
 */
export function statusOptionLabel(payload: Payload, collection: CollectionSlug, value: string, i18n: I18n) {
  const field = payload.collections[collection]?.config.flattenedFields.find((f) => f.name === 'status')
  if (!field || field.type !== 'select') return null
  const option = field.options.find((o) => (typeof o === 'string' ? o : o.value) === value)
  if (!option || typeof option === 'string' || typeof option.label !== 'object') return null
  const label = getTranslation(option.label, i18n as never)
  return typeof label === 'string' ? label : null
}
