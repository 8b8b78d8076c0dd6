import { type DocumentCollection, kindByCollection, type Locale, localeCodes, relationId } from '@pressroom/shared'
import type { Payload } from 'payload'
import { num, queryRows, sql } from '../../db/sql.ts'
import type { PublicationDocument } from './publicationMessage.ts'
import { matchingSubscribers, type PublicationRecipient, recipientsOfOriginal } from './publicationRecipients.ts'

export type AudienceRequest = {
  collection: DocumentCollection
  id: number
  /** Only these languages (default: every language the document is written in). */
  locales?: Locale[]
  /** A correction e-mail to those who received the original; the key tells corrections apart. */
  correction?: { key: string }
  /** Staff start a cancelled send again (the send button): a cancelled send does not count as sent. */
  restart?: boolean
}

/** What the form shows before it is saved: its topics, and a language whose title it has. */
export type UnsavedChoices = { topicIds?: number[]; withLocale?: Locale }

export type LanguageAudience = {
  locale: Locale
  title: string
  key: string
  recipients: PublicationRecipient[]
  /** A send under this key exists and is not to be started again: planning it adds nothing. */
  alreadySent: boolean
  /** Matching subscribers who get it in their digest instead (docs/adr/0046); none for a correction. */
  inDigests: number
}

type Localized<T> = Partial<Record<Locale, T>> | undefined

export const publicationSendKey = (request: AudienceRequest, locale: Locale) =>
  request.correction
    ? `correction:${request.collection}:${request.id}:${request.correction.key}:${locale}`
    : `publication:${request.collection}:${request.id}:${locale}`

/**
 * Who a publication's e-mail goes to, one entry per language written: the active subscribers of
 * that language, its kind and one of its topics (a correction: those who received the original).
 * Planning (planPublicationSends) and the counts staff confirm (publicationRecipientCounts) both
 * read it, so the number shown is the number planned.
 */
export async function publicationAudience(
  payload: Payload,
  doc: PublicationDocument,
  request: AudienceRequest,
  unsaved: UnsavedChoices = {},
): Promise<LanguageAudience[]> {
  const kind = kindByCollection(request.collection).kind
  const titles = doc.title as Localized<string>
  const states = doc.translationState as Localized<string>
  const topicIds = unsaved.topicIds ?? ((doc.topics as unknown[] | undefined) ?? []).map((t) => num(relationId(t)))
  const audience: LanguageAudience[] = []
  for (const locale of request.locales ?? localeCodes) {
    const title = titles?.[locale] || (unsaved.withLocale === locale ? '…' : undefined)
    if (!title || (states?.[locale] === 'missing' && unsaved.withLocale !== locale)) continue
    const key = publicationSendKey(request, locale)
    const recipients = request.correction
      ? await recipientsOfOriginal(payload, publicationSendKey({ ...request, correction: undefined }, locale))
      : await matchingSubscribers(payload, locale, kind, topicIds)
    const inDigests = request.correction
      ? 0
      : (await matchingSubscribers(payload, locale, kind, topicIds, 'digests')).length
    audience.push({
      locale,
      title,
      key,
      recipients,
      alreadySent: await sentUnder(payload, key, request.restart),
      inDigests,
    })
  }
  return audience
}

async function sentUnder(payload: Payload, key: string, restart?: boolean): Promise<boolean> {
  const [send] = await queryRows<{ status: string }>(payload, sql`SELECT "status" FROM "sends" WHERE "key" = ${key}`)
  if (!send) return false
  return !(restart && send.status === 'cancelled') && send.status !== 'planning'
}
