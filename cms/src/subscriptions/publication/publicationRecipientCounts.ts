import { type DocumentCollection, type Locale, localeCodes } from '@pressroom/shared'
import type { Payload } from 'payload'
import { languageAwareAudience } from './languageAwareAudience.ts'
import type { AudienceRequest, UnsavedChoices } from './publicationAudience.ts'
import type { PublicationDocument } from './publicationMessage.ts'

/** What staff confirm before a publication e-mail: how many subscribers, per language. */
export type PublicationCounts = {
  total: number
  /** Per-language e-mails (subscribers who get the bilingual one left out). */
  byLanguage: Partial<Record<Locale, number>>
  /** Those who get it in their daily or weekly digest instead, not e-mailed now (docs/adr/0046). */
  inDigests: number
  /** One e-mail with several languages, keyed by them (`en+ru`), docs/adr/0045. */
  bilingual?: Record<string, number>
  /** Notices that the publication exists only in another language, by the notice's language. */
  notices?: Partial<Record<Locale, number>>
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
  const plan = await languageAwareAudience(payload, doc, request, options.unsaved)
  const audience = plan.languages
  const byLanguage: Partial<Record<Locale, number>> = {}
  for (const language of audience) if (!language.alreadySent) byLanguage[language.locale] = language.recipients.length
  const inDigests = audience.filter((l) => !l.alreadySent).reduce((sum, l) => sum + l.inDigests, 0)
  // Counted as planned: a bilingual e-mail or a notice nobody receives is not planned at all.
  const bilingual =
    plan.bilingual && !plan.bilingual.alreadySent && plan.bilingual.recipients.length
      ? { [plan.bilingual.locales.join('+')]: plan.bilingual.recipients.length }
      : undefined
  const notices: Partial<Record<Locale, number>> = {}
  for (const notice of plan.notices)
    if (!notice.alreadySent && notice.recipients.length) notices[notice.locale] = notice.recipients.length
  const total = [byLanguage, bilingual ?? {}, notices]
    .flatMap((counts) => Object.values(counts))
    .reduce((sum: number, n) => sum + (n ?? 0), 0)
  const recipients = audience.filter((l) => !l.alreadySent).map((l) => [l.locale, l.recipients.map((r) => r.id)])
  const extra = [
    ...(bilingual ? [['bilingual', plan.bilingual!.recipients.map((r) => r.id)]] : []),
    ...plan.notices.filter((n) => !n.alreadySent).map((n) => [`notice:${n.locale}`, n.recipients.map((r) => r.id)]),
  ]
  const counts: PublicationCounts = { total, byLanguage, inDigests, ...(bilingual ? { bilingual } : {}) }
  if (Object.keys(notices).length) counts.notices = notices
  return {
    counts,
    alreadySent: audience.filter((l) => l.alreadySent).map((l) => l.locale),
    confirmed: { total, byLanguage, recipients: [...recipients, ...extra] },
  }
}
