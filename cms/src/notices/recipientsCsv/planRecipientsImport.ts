import type { AdminSay } from '../../i18n/admin/adminT.ts'
import { type DeliveryChannel, recipientKinds } from '../directory.ts'
import type { RecipientState, StoredGroup, StoredRecipient } from './directorySnapshot.ts'
import { sameState } from './directorySnapshot.ts'
import type { ParsedRecipientRow, RowProblem } from './parseRecipientsCsv.ts'

type Id = number | string

export type ImportOperation =
  | { type: 'create'; row: number; state: RecipientState }
  | { type: 'update'; row: number; id: Id; before: StoredRecipient; state: RecipientState }
  | { type: 'unchanged'; row: number; id: Id }

const lower = (value: string | null | undefined) => (value ?? '').trim().toLowerCase()
const nameKey = (kind: string, nameEn: string | null | undefined, country: string | null | undefined) =>
  `${kind}|${lower(nameEn)}|${lower(country)}`

/**
 * Matches each checked row to the directory and decides what it changes. A row is the same
 * recipient as a stored one by, in order: its id (from an export), its external_id, any of its
 * e-mail addresses, or (with none of those) its kind, English name and country. Every problem
 * of every row is collected; the caller writes nothing unless the list is empty.
 */
export function planRecipientsImport(
  rows: ParsedRecipientRow[],
  directory: { recipients: StoredRecipient[]; groups: StoredGroup[] },
  csv: AdminSay<'recipientsCsv'>,
): { operations: ImportOperation[]; problems: RowProblem[] } {
  const problems: RowProblem[] = []
  const operations: ImportOperation[] = []
  const byId = new Map(directory.recipients.map((r) => [String(r.id), r]))
  const byExternal = new Map(directory.recipients.filter((r) => r.externalId).map((r) => [r.externalId!, r]))
  const byEmail = new Map<string, StoredRecipient[]>()
  const byNameKey = new Map<string, StoredRecipient[]>()
  for (const r of directory.recipients) {
    for (const email of r.emails) byEmail.set(lower(email), [...(byEmail.get(lower(email)) ?? []), r])
    const key = nameKey(r.kind, r.name.en, r.country)
    byNameKey.set(key, [...(byNameKey.get(key) ?? []), r])
  }
  const groupsById = new Map(directory.groups.map((g) => [String(g.id), g]))

  // What earlier rows of this file claimed, to refuse two rows describing one recipient.
  const claimedRecipient = new Map<string, number>()
  const claimedExternal = new Map<string, number>()
  const claimedEmail = new Map<string, number>()
  const claimedNameKey = new Map<string, number>()

  for (const parsed of rows) {
    const before = problems.length
    const problem = (column: RowProblem['column'], message: string) =>
      problems.push({ row: parsed.row, line: parsed.line, column, message })

    let match: StoredRecipient | undefined
    if (parsed.id !== undefined) {
      match = byId.get(String(parsed.id))
      if (!match) problem('id', csv('noSuchId', { id: parsed.id }))
      else if (parsed.externalId && byExternal.get(parsed.externalId) && byExternal.get(parsed.externalId) !== match) {
        problem(
          'external_id',
          csv('externalIdTaken', { externalId: parsed.externalId, id: byExternal.get(parsed.externalId)?.id }),
        )
      }
    } else if (parsed.externalId) {
      match = byExternal.get(parsed.externalId)
    } else if (parsed.emails?.length) {
      const found = new Set(parsed.emails.flatMap((e) => byEmail.get(lower(e)) ?? []))
      if (found.size > 1) {
        problem('emails', csv('addressesOfSeveral', { count: found.size, ids: [...found].map((r) => r.id).join(', ') }))
      }
      match = found.size === 1 ? [...found][0] : undefined
    } else if (parsed.kind && parsed.name.en) {
      const found = byNameKey.get(nameKey(parsed.kind, parsed.name.en, parsed.country)) ?? []
      if (found.length > 1) {
        problem('name_en', csv('namesOfSeveral', { count: found.length, ids: found.map((r) => r.id).join(', ') }))
      }
      match = found.length === 1 ? found[0] : undefined
    }

    const groups: Id[] = []
    for (const reference of parsed.groups ?? []) {
      const byGroupId = /^\d+$/.test(reference) ? groupsById.get(reference) : undefined
      const named = directory.groups.filter(
        (g) => lower(g.name.en) === lower(reference) || lower(g.name.ru) === lower(reference),
      )
      const group = byGroupId ?? (named.length === 1 ? named[0] : undefined)
      if (group) groups.push(group.id)
      else if (named.length > 1) problem('groups', csv('groupAmbiguous', { group: reference }))
      else problem('groups', csv('noSuchGroup', { group: reference }))
    }

    const base: RecipientState = match ?? {
      externalId: null,
      kind: parsed.kind ?? recipientKinds[0].value,
      name: {},
      role: {},
      country: null,
      emails: [],
      postalAddress: null,
      preferredLanguage: 'en',
      preferredChannels: [],
      groups: [],
      notes: null,
      active: true,
    }
    const emails = parsed.emails ?? base.emails
    const defaultChannels: DeliveryChannel[] = emails.length > 0 ? ['email'] : ['post']
    const state: RecipientState = {
      externalId: parsed.externalId !== undefined ? parsed.externalId : base.externalId,
      kind: parsed.kind ?? base.kind,
      name: { ...base.name, ...parsed.name },
      role: { ...base.role, ...parsed.role },
      country: parsed.country !== undefined ? parsed.country : base.country,
      emails,
      postalAddress: parsed.postalAddress !== undefined ? parsed.postalAddress : base.postalAddress,
      preferredLanguage: parsed.preferredLanguage ?? base.preferredLanguage,
      preferredChannels: parsed.preferredChannels ?? (match ? base.preferredChannels : defaultChannels),
      groups: parsed.groups !== undefined ? groups : base.groups,
      notes: parsed.notes !== undefined ? parsed.notes : base.notes,
      active: parsed.active ?? base.active,
    }
    if (state.preferredChannels.includes('email') && state.emails.length === 0) {
      problem('preferred_channels', csv('emailWithoutAddress'))
    }

    // Two rows of one file must not describe the same recipient.
    const earlier = (map: Map<string, number>, key: string | null | undefined) => (key ? map.get(key) : undefined)
    const duplicateOf =
      earlier(claimedRecipient, match ? String(match.id) : null) ??
      earlier(claimedExternal, state.externalId) ??
      state.emails.map((e) => earlier(claimedEmail, lower(e))).find((r) => r !== undefined) ??
      (!match && !parsed.externalId && !parsed.emails?.length
        ? earlier(claimedNameKey, nameKey(state.kind, state.name.en, state.country))
        : undefined)
    if (duplicateOf !== undefined) {
      problem(null, csv('sameAsRow', { row: duplicateOf }))
    }
    if (match) claimedRecipient.set(String(match.id), parsed.row)
    if (state.externalId) claimedExternal.set(state.externalId, parsed.row)
    for (const email of state.emails) claimedEmail.set(lower(email), parsed.row)
    claimedNameKey.set(nameKey(state.kind, state.name.en, state.country), parsed.row)

    // An address may belong to one recipient only, or e-mail matching would become ambiguous.
    for (const email of parsed.emails ?? []) {
      const owners = (byEmail.get(lower(email)) ?? []).filter((r) => r !== match)
      if (owners.length > 0) {
        problem('emails', csv('addressTaken', { email, id: owners[0]?.id }))
      }
    }

    if (problems.length > before) continue
    if (!match) operations.push({ type: 'create', row: parsed.row, state })
    else if (sameState(match, state)) operations.push({ type: 'unchanged', row: parsed.row, id: match.id })
    else operations.push({ type: 'update', row: parsed.row, id: match.id, before: match, state })
  }
  return { operations, problems }
}
