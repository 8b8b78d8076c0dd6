import type { Locale } from '@pressroom/shared'
import { relationId } from '@pressroom/shared'
import type { Payload, PayloadRequest } from 'payload'
import type { DeliveryChannel, RecipientKind } from '../directory.ts'

type Id = number | string
type Localized = Partial<Record<Locale, string | null>>

/** A recipient as the import compares and writes it: every language, IDs for relations. */
export type RecipientState = {
  externalId: string | null
  kind: RecipientKind
  name: Localized
  role: Localized
  country: string | null
  emails: string[]
  postalAddress: string | null
  preferredLanguage: Locale
  preferredChannels: DeliveryChannel[]
  groups: Id[]
  notes: string | null
  active: boolean
}

export type StoredRecipient = RecipientState & { id: Id }
export type StoredGroup = { id: Id; name: Localized }

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null)
const localized = (value: unknown): Localized => {
  if (!value || typeof value !== 'object') return { en: text(value) }
  const map = value as Record<string, unknown>
  return { en: text(map.en), ru: text(map.ru) }
}
export function toState(doc: Record<string, unknown>): StoredRecipient {
  return {
    id: doc.id as Id,
    externalId: text(doc.externalId),
    kind: doc.kind as RecipientKind,
    name: localized(doc.name),
    role: localized(doc.role),
    country: text(doc.country),
    emails: ((doc.emails as { address: string }[] | null) ?? []).map((e) => e.address),
    postalAddress: text(doc.postalAddress),
    preferredLanguage: (doc.preferredLanguage as Locale) ?? 'en',
    preferredChannels: (doc.preferredChannels as DeliveryChannel[] | null) ?? [],
    groups: ((doc.groups as (Id | { id: Id })[] | null) ?? []).map((group) => relationId(group)),
    notes: text(doc.notes),
    active: doc.active !== false,
  }
}

/** The whole directory in every language; a press room's list of institutions fits in memory. */
export async function loadDirectory(payload: Payload, req?: PayloadRequest) {
  const [recipients, groups] = await Promise.all([
    payload.find({ collection: 'recipients', locale: 'all', pagination: false, depth: 0, sort: 'id', req }),
    payload.find({ collection: 'distribution-groups', locale: 'all', pagination: false, depth: 0, sort: 'id', req }),
  ])
  return {
    recipients: recipients.docs.map((doc) => toState(doc as unknown as Record<string, unknown>)),
    groups: groups.docs.map((doc) => ({ id: doc.id, name: localized(doc.name) })) as StoredGroup[],
  }
}

const comparable = (state: RecipientState) =>
  JSON.stringify({
    ...state,
    id: undefined,
    name: { en: state.name.en ?? null, ru: state.name.ru ?? null },
    role: { en: state.role.en ?? null, ru: state.role.ru ?? null },
    groups: state.groups.map(String).sort(),
  })

export const sameState = (a: RecipientState, b: RecipientState) => comparable(a) === comparable(b)
