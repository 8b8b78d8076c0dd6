import { type CollectionSlug, formatNames, type Payload, toWords } from 'payload'
import type { AuditRecord } from '../records.ts'
import { anonymousRecord, inParallel } from './http.ts'

type TypeRef = { kind: string; name: string | null; ofType: TypeRef | null }
type Arg = { name: string; type: TypeRef; defaultValue: string | null }
type SchemaType = {
  kind: string
  name: string
  fields: { name: string; args: Arg[]; type: TypeRef }[] | null
  possibleTypes: { name: string }[] | null
  enumValues: { name: string }[] | null
}

const typeRef = 'kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } }'
const introspection = `{ __schema { queryType { name } types { kind name possibleTypes { name } enumValues { name }
  fields { name type { ${typeRef} } args { name defaultValue type { ${typeRef} } } } } } }`

const named = (ref: TypeRef): TypeRef => (ref.ofType ? named(ref.ofType) : ref)
const required = (arg: Arg) => arg.type.kind === 'NON_NULL' && arg.defaultValue === null

/** How deep relationships and groups are followed from a query's result type. */
const selectionDepth = 4

/**
 * Anonymous GraphQL over HTTP: the schema is read by introspection (as any outsider may while it
 * is on), then every root query is asked with every scalar field its result type has, following
 * objects and unions `selectionDepth` levels down: lists in every language, with drafts and
 * fallbacks; single documents and versions for every id staff can see.
 */
export async function collectGraphql(origin: string, payload: Payload): Promise<AuditRecord[]> {
  const ask = (query: string) =>
    fetch(`${origin}/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    })
  const schemaAnswer = (await (await ask(introspection)).json()) as {
    data?: { __schema: { queryType: { name: string }; types: SchemaType[] } }
    errors?: unknown
  }
  if (!schemaAnswer.data) throw new Error(`GraphQL introspection failed: ${JSON.stringify(schemaAnswer.errors)}`)
  const types = new Map(schemaAnswer.data.__schema.types.map((t) => [t.name, t]))
  const root = types.get(schemaAnswer.data.__schema.queryType.name)!
  const localeValues = new Set(
    (root.fields ?? [])
      .flatMap((f) => f.args)
      .filter((a) => a.name === 'locale')
      .flatMap((a) => types.get(named(a.type).name ?? '')?.enumValues?.map((v) => v.name) ?? []),
  )
  const ids = await idsByRootField(payload)

  const queries: { where: string; head: string; type: string }[] = []
  for (const field of root.fields ?? []) {
    // `docAccess…` answers what the asker may do, never content (and fails for anonymous askers).
    if (field.name.startsWith('docAccess')) continue
    const type = named(field.type).name!
    const missing = field.args.filter((a) => required(a) || a.name === 'id').map((a) => a.name)
    const variants = argumentVariants(field.args, localeValues)
    if (missing.length === 0) {
      for (const args of variants)
        queries.push({ where: `GraphQL ${field.name}(${args})`, head: call(field.name, args), type })
    } else if (missing.length === 1 && missing[0] === 'id') {
      const idType = named(field.args.find((a) => a.name === 'id')!.type).name
      for (const id of ids(field.name)) {
        const literal = idType === 'String' ? JSON.stringify(String(id)) : String(id)
        for (const args of variants) {
          const all = [`id: ${literal}`, args].filter(Boolean).join(', ')
          queries.push({ where: `GraphQL ${field.name}(${all})`, head: call(field.name, all), type })
        }
      }
    }
  }
  return inParallel(
    queries.map(({ where, head, type }) => async () => {
      // Payload refuses queries above its complexity limit: ask again less deep rather than not at all.
      for (let depth = selectionDepth; ; depth--) {
        const response = await ask(`{ ${head} ${selectionOf(types, type, depth)} }`)
        const text = await response.clone().text()
        if (depth > 1 && text.includes('exceeds the maximum complexity')) continue
        return anonymousRecord(depth === selectionDepth ? where : `${where} [depth ${depth}]`, response)
      }
    }),
  )
}

const call = (name: string, args: string) => (args ? `${name}(${args})` : name)

/** Arguments a reader varies: every language (with the other as fallback), drafts, page size. */
function argumentVariants(args: Arg[], localeValues: Set<string>): string[] {
  const has = (name: string) => args.some((a) => a.name === name)
  const limit = has('limit') ? 'limit: 500' : ''
  const draft = has('draft') ? 'draft: true' : ''
  if (!has('locale')) return [[limit, draft].filter(Boolean).join(', ')]
  const locales = [...localeValues]
  return locales.map((locale) => {
    const fallback = has('fallbackLocale') && locale !== 'all' ? `fallbackLocale: ${locale === 'en' ? 'ru' : 'en'}` : ''
    return [limit, `locale: ${locale}`, fallback, draft].filter(Boolean).join(', ')
  })
}

function selectionOf(types: Map<string, SchemaType>, typeName: string, depth: number, alias = ''): string {
  const type = types.get(typeName)
  if (!type) return ''
  if (type.kind === 'UNION' || (type.kind === 'INTERFACE' && type.possibleTypes?.length)) {
    if (depth <= 0) return '{ __typename }'
    // Members may share a field name with different types (`translationState`), which GraphQL
    // refuses to merge: each member's fields get their own response names, except `id`.
    const members = (type.possibleTypes ?? []).map(
      (p) => `... on ${p.name} ${selectionOf(types, p.name, depth - 1, `${p.name}_`)}`,
    )
    return `{ __typename ${members.join(' ')} }`
  }
  if (type.kind !== 'OBJECT') return ''
  const parts = ['__typename']
  for (const field of type.fields ?? []) {
    if (field.args.some(required)) continue
    const name = alias && field.name !== 'id' ? `${alias}${field.name}: ${field.name}` : field.name
    const target = types.get(named(field.type).name ?? '')
    if (!target || target.kind === 'SCALAR' || target.kind === 'ENUM') {
      parts.push(name)
    } else if (depth > 0) {
      const sub = selectionOf(types, target.name, depth - 1)
      if (sub) parts.push(`${name} ${sub}`)
    }
  }
  return `{ ${parts.join(' ')} }`
}

/**
 * The ids to ask a single-document root query for: the collection's documents (`Statement`) or versions (`versionStatement`), as staff see them, by the names
 * Payload gives a collection in its schema.
 */
async function idsByRootField(payload: Payload): Promise<(field: string) => (string | number)[]> {
  const byField = new Map<string, (string | number)[]>()
  for (const collection of payload.config.collections) {
    const slug = collection.slug as CollectionSlug
    const graphQL = (collection.graphQL || {}) as { singularName?: string }
    const singular = graphQL.singularName ? toWords(graphQL.singularName, true) : formatNames(slug).singular
    const docs = await payload.find({ collection: slug, depth: 0, limit: 300, pagination: false })
    const docIds = docs.docs.map((d) => (d as { id: string | number }).id)
    byField.set(singular.toLowerCase(), docIds)
    if (collection.versions) {
      const versions = await payload.findVersions({ collection: slug, depth: 0, limit: 300, pagination: false })
      byField.set(
        `version${singular}`.toLowerCase(),
        versions.docs.map((v) => v.id),
      )
    }
  }
  return (field) => byField.get(field.toLowerCase()) ?? []
}
