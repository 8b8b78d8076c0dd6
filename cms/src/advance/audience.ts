import { isLocale, type Locale } from '@pressroom/shared'
import type { Payload, PayloadRequest, Where } from 'payload'

/** Who an advance send goes to: every vetted journalist, one group, or people staff chose. */
export type Audience = { kind: 'all' } | { kind: 'group'; group: number } | { kind: 'chosen'; journalists: number[] }

export type AudienceMember = { id: number; name: string; email: string; locales: Locale[] }

/** The counts staff confirm before sending; `next` is the send's number, so a repeat is refused as changed. */
export type AudienceCounts = { total: number; en: number; ru: number; both: number; next: number }

function audienceWhere(audience: Audience): Where {
  const active: Where = { active: { equals: true } }
  if (audience.kind === 'group') return { and: [active, { groups: { in: [audience.group] } }] }
  if (audience.kind === 'chosen') return { and: [active, { id: { in: audience.journalists } }] }
  return active
}

/**
 * The languages a journalist gets: those they read that the release has (both when both), or,
 * when the release has none of theirs, what it has.
 */
export function languagesFor(reads: Locale[], releaseHas: Locale[]): Locale[] {
  const shared = releaseHas.filter((locale) => reads.includes(locale))
  return shared.length > 0 ? shared : releaseHas
}

/** The active journalists of an audience, each with the languages their e-mail will be in. */
export async function audienceMembers(
  payload: Payload,
  audience: Audience,
  releaseHas: Locale[],
  req?: PayloadRequest,
): Promise<AudienceMember[]> {
  if (audience.kind === 'chosen' && audience.journalists.length === 0) return []
  const { docs } = await payload.find({
    collection: 'journalists',
    where: audienceWhere(audience),
    depth: 0,
    pagination: false,
    sort: 'id',
    overrideAccess: true,
    req,
  })
  return docs.map((doc) => ({
    id: Number(doc.id),
    name: doc.name,
    email: doc.email,
    locales: languagesFor((doc.languages ?? []).filter(isLocale), releaseHas),
  }))
}

/** How many get the e-mail, and in which languages. */
export function countMembers(members: AudienceMember[], next: number): AudienceCounts {
  const only = (locale: Locale) => members.filter((m) => m.locales.length === 1 && m.locales[0] === locale).length
  return {
    total: members.length,
    en: only('en'),
    ru: only('ru'),
    both: members.filter((m) => m.locales.length > 1).length,
    next,
  }
}

/** The audience from a request's untrusted parts, or undefined. */
export function parseAudience(kind: unknown, group: unknown, journalists: unknown): Audience | undefined {
  const id = (value: unknown) => (/^\d{1,15}$/.test(String(value ?? '')) ? Number(value) : undefined)
  if (kind === 'all') return { kind: 'all' }
  if (kind === 'group') {
    const groupId = id(group)
    return groupId === undefined ? undefined : { kind: 'group', group: groupId }
  }
  if (kind === 'chosen') {
    const list = Array.isArray(journalists) ? journalists : String(journalists ?? '').split(',')
    const ids = list.map(id)
    return ids.length > 0 && ids.every((v) => v !== undefined)
      ? { kind: 'chosen', journalists: ids as number[] }
      : undefined
  }
  return undefined
}
