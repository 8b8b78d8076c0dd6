import { kindByCollection, type Locale, localeCodes, relationId } from '@pressroom/shared'
import type { Payload } from 'payload'
import { num, queryRows, sql } from '../../db/sql.ts'
import {
  type AudienceRequest,
  type LanguageAudience,
  publicationAudience,
  type UnsavedChoices,
} from './publicationAudience.ts'
import type { PublicationDocument } from './publicationMessage.ts'
import { matchingSubscribers, type PublicationRecipient } from './publicationRecipients.ts'

/** One e-mail with several languages, to subscribers of all of them who chose the bilingual format. */
export type BilingualAudience = {
  locales: Locale[]
  key: string
  recipients: PublicationRecipient[]
  alreadySent: boolean
}

/** A short notice in `locale` that the publication exists only in `original`. */
export type NoticeAudience = {
  locale: Locale
  original: Locale
  title: string
  key: string
  recipients: PublicationRecipient[]
  alreadySent: boolean
}

/** Everything one run plans for a publication: per language, bilingual, notices (docs/adr/0045). */
export type PublicationAudiencePlan = {
  languages: LanguageAudience[]
  bilingual?: BilingualAudience
  notices: NoticeAudience[]
}

type Localized<T> = Partial<Record<Locale, T>> | undefined

/** Names its languages (`…:en+ru`), which a later run and a correction read back. */
export const bilingualSendKey = (request: AudienceRequest, locales: Locale[]) =>
  `bilingual:${request.collection}:${request.id}:${locales.join('+')}`

/** The publication's bilingual send that counts (a cancelled one does not), with its languages. */
async function bilingualSendOf(payload: Payload, request: AudienceRequest) {
  const [send] = await queryRows<{ id: unknown; key: string }>(
    payload,
    sql`SELECT "id", "key" FROM "sends" WHERE "key" LIKE ${`bilingual:${request.collection}:${request.id}:%`}
        AND "status" <> 'cancelled' ORDER BY "id" DESC`,
  )
  if (!send) return undefined
  const locales = (send.key.split(':')[3] ?? '')
    .split('+')
    .filter((l): l is Locale => localeCodes.includes(l as Locale))
  return { id: num(send.id), key: send.key, locales }
}
export const languageNoticeKey = (request: AudienceRequest, locale: Locale) =>
  `language-notice:${request.collection}:${request.id}:${locale}`

/** The languages a publication is written in: a title, and a state other than missing (as publicationAudience reads it). */
export function writtenLocales(doc: PublicationDocument, unsaved: UnsavedChoices = {}): Locale[] {
  const titles = doc.title as Localized<string>
  const states = doc.translationState as Localized<string>
  return localeCodes.filter((l) => unsaved.withLocale === l || (Boolean(titles?.[l]) && states?.[l] !== 'missing'))
}

/**
 * Who a publication's e-mails go to, language-aware: publicationAudience's per-language lists,
 * less the subscribers who receive them in one bilingual e-mail, plus the notices to those whose
 * languages it is not written in. Planning and the counts staff confirm both read it, so the
 * numbers shown are the numbers planned. Corrections follow the original's recipients (the
 * bilingual e-mail's included) and send no notices.
 */
export async function languageAwareAudience(
  payload: Payload,
  doc: PublicationDocument,
  request: AudienceRequest,
  unsaved: UnsavedChoices = {},
): Promise<PublicationAudiencePlan> {
  const languages = await publicationAudience(payload, doc, request, unsaved)
  if (request.correction) return { languages: await withBilingualOriginals(payload, request, languages), notices: [] }
  const kind = kindByCollection(request.collection).kind
  const topicIds = unsaved.topicIds ?? ((doc.topics as unknown[] | undefined) ?? []).map((t) => num(relationId(t)))
  const bilingual = await bilingualAudience(payload, request, languages)
  const inBilingual = new Set(bilingual?.recipients.map((r) => r.id))
  const perLanguage = languages.map((l) =>
    bilingual?.locales.includes(l.locale)
      ? { ...l, recipients: l.recipients.filter((r) => !inBilingual.has(r.id)) }
      : l,
  )
  return {
    languages: perLanguage,
    bilingual,
    notices: await noticeAudience(payload, doc, request, unsaved, kind, topicIds),
  }
}

async function sendUnder(payload: Payload, key: string) {
  const [send] = await queryRows<{ status: string }>(payload, sql`SELECT "status" FROM "sends" WHERE "key" = ${key}`)
  return send
}

/**
 * The bilingual e-mail is planned only in a run that finds two or more languages not yet
 * e-mailed, and before their per-language sends: once it exists, the per-language sends leave
 * out exactly the subscribers it holds (its delivery rows), so a crash between the sends
 * neither doubles nor drops anyone. A language published later goes alone.
 */
async function bilingualAudience(
  payload: Payload,
  request: AudienceRequest,
  languages: LanguageAudience[],
): Promise<BilingualAudience | undefined> {
  const existing = await bilingualSendOf(payload, request)
  if (existing) return { ...existing, recipients: await deliveredTo(payload, existing.id), alreadySent: true }
  const fresh = languages.filter((l) => !l.alreadySent)
  if (fresh.length < 2) return undefined
  const ids = new Set(await bilingualFormatIds(payload))
  let recipients = fresh[0]!.recipients.filter((r) => ids.has(r.id))
  for (const other of fresh.slice(1)) {
    const inOther = new Set(other.recipients.map((r) => r.id))
    recipients = recipients.filter((r) => inOther.has(r.id))
  }
  const locales = fresh.map((l) => l.locale)
  return { key: bilingualSendKey(request, locales), locales, recipients, alreadySent: false }
}

async function bilingualFormatIds(payload: Payload): Promise<number[]> {
  const rows = await queryRows<{ id: unknown }>(
    payload,
    sql`SELECT "id" FROM "subscribers" WHERE "status" = 'active' AND "language_format" = 'bilingual'`,
  )
  return rows.map((r) => num(r.id))
}

async function deliveredTo(payload: Payload, sendId: number): Promise<PublicationRecipient[]> {
  const rows = await queryRows<{ id: unknown; email: string; token_version: unknown }>(
    payload,
    sql`SELECT "s"."id", "s"."email", "s"."token_version" FROM "deliveries" "d"
        JOIN "subscribers" "s" ON "s"."id" = "d"."subscriber_id" WHERE "d"."send_id" = ${sendId} ORDER BY "s"."id"`,
  )
  return rows.map((r) => ({ id: num(r.id), email: r.email, tokenVersion: num(r.token_version) }))
}

/** A correction in a language also goes to those who received that language in the bilingual e-mail. */
async function withBilingualOriginals(
  payload: Payload,
  request: AudienceRequest,
  languages: LanguageAudience[],
): Promise<LanguageAudience[]> {
  const original = await bilingualSendOf(payload, request)
  if (!original) return languages
  const received = await deliveredToActive(payload, original.id)
  return languages.map((l) => {
    if (!original.locales.includes(l.locale)) return l
    const known = new Set(l.recipients.map((r) => r.id))
    return {
      ...l,
      recipients: [...l.recipients, ...received.filter((r) => !known.has(r.id))].sort((a, b) => a.id - b.id),
    }
  })
}

async function deliveredToActive(payload: Payload, sendId: number): Promise<PublicationRecipient[]> {
  const rows = await queryRows<{ id: unknown; email: string; token_version: unknown }>(
    payload,
    sql`SELECT "s"."id", "s"."email", "s"."token_version" FROM "deliveries" "d"
        JOIN "subscribers" "s" ON "s"."id" = "d"."subscriber_id"
        WHERE "d"."send_id" = ${sendId} AND "d"."status" IN ('sent', 'delivered') AND "s"."status" = 'active'
        ORDER BY "s"."id"`,
  )
  return rows.map((r) => ({ id: num(r.id), email: r.email, tokenVersion: num(r.token_version) }))
}

/**
 * For each language the publication is not written in: the subscribers of that language who
 * chose none of the languages it is written in, match its kind and topics, and did not switch
 * notices off. The notice names the first written language among those requested.
 */
async function noticeAudience(
  payload: Payload,
  doc: PublicationDocument,
  request: AudienceRequest,
  unsaved: UnsavedChoices,
  kind: string,
  topicIds: number[],
): Promise<NoticeAudience[]> {
  const written = writtenLocales(doc, unsaved)
  const original = written.find((l) => (request.locales ?? localeCodes).includes(l))
  if (!original) return []
  const title = (doc.title as Localized<string>)?.[original] || '…'
  const readsWritten = new Set(await subscribersOfLanguages(payload, written))
  const notices: NoticeAudience[] = []
  const wanting = new Set(await noticeWanters(payload))
  for (const locale of localeCodes.filter((l) => !written.includes(l))) {
    const recipients = (await matchingSubscribers(payload, locale, kind, topicIds)).filter(
      (r) => !readsWritten.has(r.id) && wanting.has(r.id),
    )
    const key = languageNoticeKey(request, locale)
    const send = await sendUnder(payload, key)
    const alreadySent = Boolean(send) && !(request.restart && send?.status === 'cancelled')
    notices.push({ locale, original, title, key, recipients, alreadySent })
  }
  return notices
}

async function subscribersOfLanguages(payload: Payload, languages: Locale[]): Promise<number[]> {
  if (languages.length === 0) return []
  const rows = await queryRows<{ id: unknown }>(
    payload,
    sql`SELECT DISTINCT "parent_id" AS "id" FROM "subscribers_languages" WHERE "value" IN (${sql.join(
      languages.map((l) => sql`${l}`),
      sql`, `,
    )})`,
  )
  return rows.map((r) => num(r.id))
}

async function noticeWanters(payload: Payload): Promise<number[]> {
  // A subscriber from before the choice existed has no value: notices are on by default.
  const rows = await queryRows<{ id: unknown }>(
    payload,
    sql`SELECT "id" FROM "subscribers" WHERE "status" = 'active' AND "language_notices" IS NOT FALSE`,
  )
  return rows.map((r) => num(r.id))
}
