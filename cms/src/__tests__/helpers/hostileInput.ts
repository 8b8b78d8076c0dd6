import fc from 'fast-check'
import { validOperators } from 'payload/shared'

/**
 * Inputs an outsider might send, for the property test of the public doors
 * (hostile-input.test.ts): odd text, numbers out of every range, wrong shapes, query strings
 * nested the way Payload's REST API reads them, bodies of every content type.
 */

/** Values that have broken parsers before: edges of numbers and dates, quotes, separators, prototypes. */
const tricky = [
  '',
  ' ',
  'null',
  'undefined',
  'true',
  'false',
  '0',
  '-1',
  '1.5',
  '1e309',
  '-1e309',
  'NaN',
  'Infinity',
  '9007199254740993',
  '99999999999999999999',
  '2026-13-45',
  '2026-03-05',
  '2026-03-05T18:00:00+03:00',
  '%',
  '_',
  "'",
  '"',
  '\\',
  '\u0000',
  '../..',
  '{}',
  '[]',
  '{"title":{"equals":"x"}}',
  '<script>alert(1)</script>',
  'en',
  'ru',
  'all',
  '*',
  'none',
  'abc',
  'a,b',
  '1,2',
  ',',
  '__proto__',
  'constructor',
  'Ж',
  '😀',
]

export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...tricky) },
  fc.string({ maxLength: 24 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.integer().map(String),
  fc.double().map(String),
)

/** A JSON-ish value: what a hostile JSON body or query operand holds. */
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileText,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(hostileText, tie('value'), { maxKeys: 3 }),
  ),
})).value

/** A `where` tree over the given field names (and names that are not fields). */
export function whereClause(fieldNames: string[]): fc.Arbitrary<unknown> {
  const path = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...fieldNames) },
    fc.constantFrom('id', 'createdAt', 'updatedAt', '_status', 'title.en', 'topics.title', 'version.title'),
    fc.constantFrom('nonexistent', 'a.b.c', '__proto__', 'password', 'email', 'consentNote', 'hash', 'salt'),
    hostileText,
  )
  // Payload's own list of operators, so one it adds is tried too.
  const operator = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...validOperators) }, hostileText)
  return fc.letrec((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      tie('condition'),
      tie('and'),
      tie('or'),
      hostileValue,
    ),
    condition: fc.dictionary(path, fc.oneof(fc.dictionary(operator, hostileValue, { maxKeys: 2 }), hostileValue), {
      minKeys: 1,
      maxKeys: 2,
    }),
    and: fc.record({ and: fc.array(tie('node'), { maxLength: 3 }) }),
    or: fc.record({ or: fc.array(tie('node'), { maxLength: 3 }) }),
  })).node
}

/** The query a reader sends to a REST list: any of Payload's parameters, each possibly odd. */
export function listQuery(fieldNames: string[]): fc.Arbitrary<Record<string, unknown>> {
  const number = fc.oneof(fc.integer({ min: -5, max: 5000 }), hostileText)
  return fc.record(
    {
      where: fc.oneof({ weight: 4, arbitrary: whereClause(fieldNames) }, hostileText),
      sort: fc.oneof(
        fc.constantFrom(...fieldNames, ...fieldNames.map((n) => `-${n}`)),
        hostileText,
        fc.array(hostileText, { maxLength: 3 }),
      ),
      limit: number,
      page: number,
      depth: number,
      locale: fc.oneof(fc.constantFrom('en', 'ru', 'all', '*'), hostileText),
      'fallback-locale': fc.oneof(fc.constantFrom('en', 'ru', 'none', 'null', 'false'), hostileText),
      draft: fc.oneof(fc.constantFrom('true', 'false'), hostileText),
      pagination: fc.oneof(fc.constantFrom('true', 'false'), hostileText),
      trash: fc.constantFrom('true', 'false'),
      select: fc.oneof(fc.dictionary(fc.constantFrom(...fieldNames), fc.constantFrom('true', 'false')), hostileValue),
      populate: hostileValue,
      joins: hostileValue,
    },
    { requiredKeys: [] },
  )
}

/** Encodes nested values the way qs (and so Payload) reads them: `where[title][equals]=x`. */
export function encodeQuery(query: Record<string, unknown>): string {
  const pairs: string[] = []
  const add = (key: string, value: unknown) => {
    if (value === undefined) return
    if (value !== null && typeof value === 'object') {
      for (const [sub, inner] of Object.entries(value)) add(`${key}[${sub}]`, inner)
      return
    }
    pairs.push(`${encode(key)}=${encode(String(value))}`)
  }
  for (const [key, value] of Object.entries(query)) add(key, value)
  return pairs.join('&')
}

/** encodeURIComponent, which throws on lone surrogates (they are sent as U+FFFD instead). */
const encode = (text: string) => encodeURIComponent(Buffer.from(text, 'utf8').toString('utf8'))

export type HostileBody = { type?: string; body?: string | Uint8Array }

const largeText = (bytes: number) => 'x'.repeat(bytes)

/**
 * A request body: a JSON or form encoding of `fields`, or something that is none of them (bytes,
 * a broken JSON text, a type that does not match), or one larger than every public form takes.
 */
export function hostileBody(fields: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<HostileBody> {
  const types = fc.constantFrom(
    'application/json',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=xyz',
    'multipart/form-data',
    'text/plain',
    'application/xml',
    'application/json; charset=koi8-r',
    'garbage',
  )
  return fc.oneof(
    { weight: 3, arbitrary: fields.map((f) => ({ type: 'application/json', body: JSON.stringify(f) })) },
    {
      weight: 3,
      arbitrary: fields.map((f) => ({ type: 'application/x-www-form-urlencoded', body: encodeQuery(f) })),
    },
    fields.map((f) => ({ type: 'multipart/form-data; boundary=xyz', body: multipart(f) })),
    fc.record({ type: fc.option(types, { nil: undefined }), body: hostileText }),
    fc.record({ type: types, body: fc.uint8Array({ maxLength: 64 }) }),
    fc.record({ type: types, body: fc.constantFrom('{', '{"a":', '[1,2', '\u0000', 'a=%zz&b', '--xyz\r\n') }),
    fc.record({ type: types, body: fc.constant(largeText(17 * 1024)) }),
  )
}

function multipart(fields: Record<string, unknown>): string {
  const parts = Object.entries(fields).map(
    ([name, value]) =>
      `--xyz\r\nContent-Disposition: form-data; name="${name.replaceAll('"', '')}"\r\n\r\n${typeof value === 'string' ? value : JSON.stringify(value)}\r\n`,
  )
  return `${parts.join('')}--xyz--\r\n`
}
