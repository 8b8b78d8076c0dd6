import { type DigestFrequency, isDigestFrequency } from './frequency.ts'

/**
 * The form's `frequency` (docs/adr/0046): one of immediate, daily, weekly; absent leaves it as it
 * is (a new subscription: immediate). Anything else is refused, naming the field.
 */
export function validateFrequency(
  fields: Record<string, unknown>,
): { ok: true; value?: DigestFrequency } | { ok: false; error: 'error.frequency'; field: 'frequency' } {
  const raw = fields.frequency
  if (raw === undefined || raw === null || raw === '') return { ok: true }
  return isDigestFrequency(raw) ? { ok: true, value: raw } : { ok: false, error: 'error.frequency', field: 'frequency' }
}
