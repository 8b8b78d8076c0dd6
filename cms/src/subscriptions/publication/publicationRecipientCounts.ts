import { type DocumentCollection, type Locale, localeCodes } from '@pressroom/shared'
import type { Payload } from 'payload'
import { type AudienceRequest, publicationAudience, type UnsavedChoices } from './publicationAudience.ts'
import type { PublicationDocument } from './publicationMessage.ts'

/** What staff confirm before a publication e-mail: how many subscribers, per language. */
export type PublicationCounts = {
  total: number
  byLanguage: Partial<Record<Locale, number>>
  /** Those who get it in their daily or weekly digest instead, not e-mailed now (docs/adr/0046). */
  inDigests: number
}

export type CountedAudience = {
  counts: PublicationCounts
  alreadySent: Locale[]
  /** What a confirmation token stands for: the counts and who they are. */
  confirmed: unknown
}

/** The confirmation's subject: the action and its target, so a token confirms nothing else. */
export const publicationConfirmationSubject = (request: AudienceRequest) =>
  `send-publication:${request.collection}:${request.id}:${request.correction?.key ?? ''}:${(request.locales ?? localeCodes).join(',')}`

/**
 * The recipients a publication's e-mail would have now (languages already e-mailed left out),
 * from the same reading as planning (publicationAudience). `draft` reads the latest version:
 * what publishing it would send; otherwise the published version (the send button).
 */
export async function publicationRecipientCounts(
  payload: Payload,
  request: AudienceRequest,
  options: { draft?: boolean; unsaved?: UnsavedChoices } = {},
): Promise<CountedAudience | undefined> {
  const doc = request.id
    ? ((await payload.findByID({
        collection: request.collection as DocumentCollection,
        id: request.id,
        locale: 'all',
        depth: 0,
        draft: options.draft ?? false,
        disableErrors: true,
      })) as PublicationDocument | null)
    : {}
  if (!doc) return undefined
  const audience = await publicationAudience(payload, doc, request, options.unsaved)
  const byLanguage: Partial<Record<Locale, number>> = {}
  for (const language of audience) if (!language.alreadySent) byLanguage[language.locale] = language.recipients.length
  const total = Object.values(byLanguage).reduce((sum, n) => sum + (n ?? 0), 0)
  const inDigests = audience.filter((l) => !l.alreadySent).reduce((sum, l) => sum + l.inDigests, 0)
  const recipients = audience.filter((l) => !l.alreadySent).map((l) => [l.locale, l.recipients.map((r) => r.id)])
  return {
    counts: { total, byLanguage, inDigests },
    alreadySent: audience.filter((l) => l.alreadySent).map((l) => l.locale),
    confirmed: { total, byLanguage, recipients },
  }
}
