import { getTranslation } from '@payloadcms/translations'
import {
  type Access,
  type CollectionBeforeOperationHook,
  type CollectionSlug,
  type GlobalBeforeOperationHook,
  isolateObjectProperty,
  type PayloadRequest,
  type SanitizedCollectionConfig,
  type SanitizedGlobalConfig,
} from 'payload'
import { refuse, roleMayNot } from '../access/refusals.ts'
import { type Role, roleOf } from '../access/roles.ts'

/** The same request, as someone with another role (to learn whom to send the caller to). */
function asRole(req: PayloadRequest, role: Role): PayloadRequest {
  const probe = isolateObjectProperty(req, 'user')
  probe.user = { ...(req.user as NonNullable<PayloadRequest['user']>), role } as PayloadRequest['user']
  return probe
}

type Label = SanitizedCollectionConfig['labels']['plural'] | SanitizedGlobalConfig['label']

/** The collection's label in the staff member's admin language, as Payload shows it. */
function inLanguage(label: Label, slug: string, req: PayloadRequest): string {
  if (typeof label === 'string' || (typeof label === 'object' && label)) return getTranslation(label, req.i18n)
  return slug
}

type Attempt = {
  access: Access | undefined
  action: 'create' | 'update' | 'delete'
  args: { id?: number; data?: Record<string, unknown> }
  labels: string
  /** The collection, to test a `where` answer against the one document; none for a global. */
  collection?: CollectionSlug
  req: PayloadRequest
}

/**
 * Whether access lets this request through. A `where` answer (e.g. "your own account only")
 * decides for one document whether it matches; in bulk Payload narrows the set and refuses nothing.
 */
async function permits({ access, args, collection, req }: Attempt, asReq: PayloadRequest): Promise<boolean> {
  if (!access) return true
  const result = await access({ req: asReq, id: args.id, data: args.data })
  if (typeof result === 'boolean') return result
  if (args.id === undefined || !collection) return true
  const where = { and: [{ id: { equals: args.id } }, result] }
  return (await req.payload.count({ collection, where, overrideAccess: true, req })).totalDocs > 0
}

/** Refuses, in the caller's language and naming whom to ask, what the access function forbids. */
async function explain(attempt: Attempt): Promise<void> {
  const { action, labels, req } = attempt
  const role = roleOf(req.user)
  if (!role || (await permits(attempt, req))) return
  const mayAsk = async (other: Role) => other !== role && (await permits(attempt, asRole(req, other)))
  const ask =
    role === 'translator' && (await mayAsk('editor')) ? 'editorOrAdmin' : (await mayAsk('admin')) ? 'admin' : 'nobody'
  throw refuse(req, { worded: roleMayNot(req, { role, action, labels, ask }) })
}

const explained = ['create', 'update', 'delete'] as const
const isExplained = (operation: string): operation is Attempt['action'] =>
  (explained as readonly string[]).includes(operation)

/**
 * Payload refuses what access control forbids with "You are not allowed to perform this action.",
 * which tells staff nothing about what to do. This asks the collection's own access function
 * first, as the operation will, and when it says no, refuses in the caller's language and names
 * who may do it. The rule stays in the access function; this only words the answer. Runs after a
 * collection's own guards (guardPublication words its refusals itself). See docs/adr/0024.
 */
export const explainRefusal: CollectionBeforeOperationHook = async ({
  args,
  collection,
  operation,
  overrideAccess,
  req,
}) => {
  if (overrideAccess || !isExplained(operation)) return args
  const labels = inLanguage(collection.labels?.plural, collection.slug, req)
  await explain({
    access: collection.access[operation],
    action: operation,
    args: args as Attempt['args'],
    labels,
    collection: collection.slug as CollectionSlug,
    req,
  })
  return args
}

/** The same for a global (site settings), whose only write is an update. */
export const explainRefusalInGlobal: GlobalBeforeOperationHook = async ({
  args,
  global,
  operation,
  overrideAccess,
  req,
}) => {
  if (overrideAccess || operation !== 'update') return args
  const labels = inLanguage(global.label, global.slug, req)
  await explain({ access: global.access.update, action: 'update', args, labels, req })
  return args
}
