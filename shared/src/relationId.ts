/**
 * The id behind a relationship value, whether Payload returned it populated (`{ id, … }`, at
 * depth ≥ 1) or as the id itself (depth 0).
 */
export function relationId<Id extends number | string>(value: Id | { id: Id }): Id
export function relationId(value: unknown): unknown
export function relationId(value: unknown): unknown {
  return value && typeof value === 'object' && 'id' in value ? (value as { id: unknown }).id : value
}
