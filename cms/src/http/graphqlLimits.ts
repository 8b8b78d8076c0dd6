import {
  type ExecutionArgs,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  parse,
  type SelectionSetNode,
  type ValidationRule,
  visit,
} from 'graphql'
import type { PayloadRequest } from 'payload'
import { anonymousQueryLimits } from './anonymousQueryLimits.ts'

/**
 * GraphQL's own limits (docs/adr/0035), on top of Payload's complexity limit and its refusal of
 * introspection in production (both set in the config). A nested query costs work at every
 * level whatever its complexity score, so its depth is capped for everyone; and anonymous
 * callers may not switch paging off, as on REST (hooks/capAnonymousQueries.ts).
 */
export const maxQueryDepth = 10

export function graphqlValidationRules(args: ExecutionArgs): ValidationRule[] {
  const req = (args.contextValue as { req?: PayloadRequest } | undefined)?.req
  return [depthLimit(maxQueryDepth), ...(req?.user ? [] : [pagedListsOnly(args.variableValues ?? {})])]
}

/** Refuses operations nested deeper than `max` fields, fragments included (each counted once). */
export function depthLimit(max: number): ValidationRule {
  return (context) => {
    const fragments = new Map<string, FragmentDefinitionNode>()
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition)
    }
    const fragmentDepth = new Map<string, number>()
    const depthOf = (set: SelectionSetNode, visiting: Set<string>): number => {
      let deepest = 0
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) {
          deepest = Math.max(deepest, 1 + (selection.selectionSet ? depthOf(selection.selectionSet, visiting) : 0))
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          deepest = Math.max(deepest, depthOf(selection.selectionSet, visiting))
        } else {
          const name = selection.name.value
          const fragment = fragments.get(name)
          // A cycle is reported by GraphQL's own rules; unknown fragments too.
          if (!fragment || visiting.has(name)) continue
          if (!fragmentDepth.has(name)) {
            fragmentDepth.set(name, depthOf(fragment.selectionSet, new Set([...visiting, name])))
          }
          deepest = Math.max(deepest, fragmentDepth.get(name) ?? 0)
        }
      }
      return deepest
    }
    return {
      OperationDefinition(node) {
        const depth = depthOf(node.selectionSet, new Set())
        if (depth > max) {
          context.reportError(
            new GraphQLError(
              `This query nests ${depth} levels of fields; at most ${max} are answered. Ask for fewer nested fields, or in several queries.`,
              { nodes: [node] },
            ),
          )
        }
      },
    }
  }
}

/** Refuses `pagination: false` (written out, or as a variable given or defaulting to false) from anonymous callers. */
function pagedListsOnly(variables: Record<string, unknown>): ValidationRule {
  return (context) => ({
    Argument(node) {
      if (node.name.value !== 'pagination') return
      const variableValue = (name: string) => {
        if (name in variables) return variables[name]
        const definition = context
          .getDocument()
          .definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION ? (d.variableDefinitions ?? []) : []))
          .find((v) => v.variable.name.value === name)
        return definition?.defaultValue?.kind === Kind.BOOLEAN ? definition.defaultValue.value : undefined
      }
      const value =
        node.value.kind === Kind.BOOLEAN
          ? node.value.value
          : node.value.kind === Kind.VARIABLE
            ? variableValue(node.value.name.value)
            : true
      if (value === false) {
        context.reportError(
          new GraphQLError(
            `Lists are read page by page: remove "pagination: false" and ask for the next "page" (at most ${anonymousQueryLimits.limit} documents a page).`,
            { nodes: [node] },
          ),
        )
      }
    },
  })
}

/**
 * A fragment that spreads itself, directly or through others. GraphQL's own rules refuse it, but
 * Payload's complexity rule runs in the same pass and follows the cycle until the stack overflows
 * (a 500), so the GraphQL route asks this first. Unparsable text is left to the GraphQL handler.
 */
export function fragmentCycle(query: string): string | undefined {
  let document: ReturnType<typeof parse>
  try {
    document = parse(query, { noLocation: true })
  } catch {
    return undefined
  }
  const spreads = new Map<string, string[]>()
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.FRAGMENT_DEFINITION) continue
    const names: string[] = []
    visit(definition.selectionSet, {
      enter(node) {
        if (node.kind === Kind.FRAGMENT_SPREAD) names.push(node.name.value)
      },
    })
    spreads.set(definition.name.value, names)
  }
  const done = new Set<string>()
  const cycleFrom = (name: string, path: string[]): string[] | undefined => {
    if (path.includes(name)) return [...path.slice(path.indexOf(name)), name]
    if (done.has(name)) return undefined
    for (const next of spreads.get(name) ?? []) {
      const cycle = cycleFrom(next, [...path, name])
      if (cycle) return cycle
    }
    done.add(name)
    return undefined
  }
  for (const name of spreads.keys()) {
    const cycle = cycleFrom(name, [])
    if (cycle) return `Fragment ${cycle.join(' → ')} spreads itself; a query must end. Remove the cycle.`
  }
  return undefined
}
