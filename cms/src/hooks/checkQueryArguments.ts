import { isLocale } from '@pressroom/shared'
import { APIError, type CollectionBeforeOperationHook, type FlattenedField, type Payload } from 'payload'

/**
 * Payload passes some malformed query arguments on to the database, which then fails with a 500:
 * a date that is not one, text where an ID belongs, a list where one value belongs, `where` given
 * as a string, a limit of 1e309 or a negative one (which SQLite reads as "no limit"). They are
 * checked here, for every caller, and refused with a 400 that says what to send (docs/adr/0035).
 * What Payload already refuses well (unknown fields and operators) is left to it.
 */
export const checkQueryArguments: CollectionBeforeOperationHook = ({ args, collection, overrideAccess, req }) => {
  // The CMS's own trusted calls are not input; REST and GraphQL never set overrideAccess.
  if (overrideAccess === true) return args
  const { limit, page, where } = args as { limit?: unknown; page?: unknown; where?: unknown }
  if (limit !== undefined && limit !== null && !isWholeNumber(limit, 0)) {
    throw refused(`"limit" must be a whole number of documents, not ${show(limit)}; read further pages with "page".`)
  }
  if (page !== undefined && page !== null && !isWholeNumber(page, 0, maxPage)) {
    throw refused(`"page" must be a whole number from 1 to ${maxPage}, not ${show(page)}.`)
  }
  if (where !== undefined && where !== null) {
    const problem = whereProblem(where, collection.flattenedFields, req.payload, 'where')
    if (problem) throw refused(problem)
  }
  return args
}

/** No list has a millionth page; beyond it, page × limit would leave the databases' integer range. */
const maxPage = 1_000_000

const refused = (message: string) => new APIError(message, 400, undefined, true)

const show = (value: unknown) =>
  typeof value === 'number' ? String(value) : (JSON.stringify(value)?.slice(0, 60) ?? String(value))

const isWholeNumber = (value: unknown, min: number, max = Number.MAX_SAFE_INTEGER) =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max

// A Date is one value: Payload's own queries pass them (document locks: updatedAt greater_than a Date).
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)

const oneValueOperators = new Set([
  'equals',
  'not_equals',
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
  'like',
  'not_like',
  'contains',
])
const listOperators = new Set(['in', 'not_in', 'all'])
const geoOperators = new Set(['near', 'within', 'intersects'])
/** Operators whose operand is compared as the field's own type (text search operators are not). */
const typedOperators = new Set([...oneValueOperators, ...listOperators].filter((op) => !/like|contains/.test(op)))

type Field = FlattenedField | { type: 'id'; name: 'id' }

function whereProblem(where: unknown, fields: FlattenedField[], payload: Payload, at: string): string | undefined {
  if (!isRecord(where)) return `${at} must be a set of conditions, e.g. where[title][equals]=…, not ${show(where)}.`
  for (const [key, value] of Object.entries(where)) {
    if (key === 'and' || key === 'or') {
      const items = Array.isArray(value) ? value : isRecord(value) ? Object.values(value) : undefined
      if (!items) return `${at}[${key}] must be a list of conditions, e.g. ${at}[${key}][0][title][equals]=….`
      for (const [index, item] of items.entries()) {
        const problem = whereProblem(item, fields, payload, `${at}[${key}][${index}]`)
        if (problem) return problem
      }
      continue
    }
    const path = `${at}[${key}]`
    if (!isRecord(value)) return `${path} must name an operator, e.g. ${path}[equals]=…, not ${show(value)}.`
    const field = resolveField(key, fields, payload)
    for (const [operator, operand] of Object.entries(value)) {
      const problem = operandProblem(operator, operand, field, `${path}[${operator}]`)
      if (problem) return problem
    }
  }
  return undefined
}

function operandProblem(operator: string, operand: unknown, field: Field | undefined, at: string): string | undefined {
  if (geoOperators.has(operator) && field?.type !== 'point') {
    return `${at}: "${operator}" works on map points only, and this is not one.`
  }
  if (oneValueOperators.has(operator) && (Array.isArray(operand) || isRecord(operand))) {
    return `${at} takes one value, not ${show(operand)}; to match any of several, use [in].`
  }
  if (!listOperators.has(operator) && !typedOperators.has(operator)) return undefined
  const values = listOperators.has(operator) ? listValues(operand) : [operand]
  if (!values) return `${at} takes a comma-separated list of values, not ${show(operand)}.`
  if (!field || !typedOperators.has(operator)) return undefined
  for (const value of values) {
    if (value === null || value === undefined || value === 'null') continue
    if (isReference(field) && !isId(value)) return `${at}: ${show(value)} is not a document ID (a whole number).`
    if (field.type === 'number' && !isNumber(value)) return `${at}: ${show(value)} is not a number.`
    if (field.type === 'date' && !isDate(value)) {
      return `${at}: ${show(value)} is not a date; write it as 2026-03-05 or 2026-03-05T18:00:00+03:00.`
    }
  }
  return undefined
}

function listValues(operand: unknown): unknown[] | undefined {
  if (typeof operand === 'string') return operand.split(',')
  if (typeof operand === 'number' || typeof operand === 'boolean') return [operand]
  if (Array.isArray(operand) && operand.every((v) => !Array.isArray(v) && !isRecord(v))) return operand
  return undefined
}

/** IDs are integers on both databases (docs/adr/0003); so are the references to documents. */
const isReference = (field: Field) =>
  field.type === 'id' ||
  ((field.type === 'relationship' || field.type === 'upload') && typeof field.relationTo === 'string')

const isId = (value: unknown) =>
  (typeof value === 'number' && Number.isSafeInteger(value)) ||
  (typeof value === 'string' && /^\s*-?\d{1,15}\s*$/.test(value))

const isNumber = (value: unknown) =>
  (typeof value === 'number' && Number.isFinite(value)) ||
  (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))

const isDate = (value: unknown) =>
  (value instanceof Date || typeof value === 'string' || typeof value === 'number') &&
  !Number.isNaN(new Date(value).getTime())

/** The field a dotted path ends at (through groups, arrays, blocks and single relationships), if known. */
function resolveField(path: string, fields: FlattenedField[], payload: Payload): Field | undefined {
  const [head = '', ...rest] = path.split('.')
  if (head === 'id' && rest.length === 0) return { type: 'id', name: 'id' }
  const field = fields.find((f) => f.name === head)
  // Versions keep the document under `version`.
  if (!field && head === 'version') return resolveField(rest.join('.'), fields, payload)
  if (!field || rest.length === 0) return field
  if (rest.length === 1 && field.localized && isLocale(rest[0])) return field
  if ('flattenedFields' in field) return resolveField(rest.join('.'), field.flattenedFields, payload)
  if ((field.type === 'relationship' || field.type === 'upload') && typeof field.relationTo === 'string') {
    const related = payload.collections[field.relationTo]?.config.flattenedFields ?? []
    return resolveField(rest.join('.'), related, payload)
  }
  return undefined
}
