import {
  type DocumentCollection,
  documentCollections,
  documentPath,
  kindByCollection,
  type Locale,
  localeCodes,
  localeInfo,
} from '@pressroom/shared'
import { renderRichText, richTextToPlainText } from '@pressroom/shared/richtext'
import type { Payload } from 'payload'
import { num, queryRows, sql } from '../db/sql.ts'
import { planSend, type Recipient } from '../mail/index.ts'
import { type MessageKey, t } from './i18n.ts'
import { subscriberLinks } from './services.ts'
import { mailSettings } from './settings.ts'

export type PublicationSendRequest = {
  collection: DocumentCollection
  id: number
  /** Only these languages (default: every language the document is written in). */
  locales?: Locale[]
  /** Makes this a correction e-mail to those who received the original; the key tells corrections apart. */
  correction?: { key: string; note?: Partial<Record<Locale, string>> }
}

export type PublicationSendResult =
  | { status: 'planned'; sends: { locale: Locale; sendId: number; created: boolean; planned: number }[] }
  | { status: 'embargoed'; until: Date }
  | { status: 'not-published' }

type Localized<T> = Partial<Record<Locale, T>> | undefined

const kindWord: Record<string, MessageKey> = {
  statement: 'kind.statement',
  notice: 'kind.notice',
  pressRelease: 'kind.pressRelease',
}

const sendKey = (request: PublicationSendRequest, locale: Locale) =>
  request.correction
    ? `correction:${request.collection}:${request.id}:${request.correction.key}:${locale}`
    : `publication:${request.collection}:${request.id}:${locale}`

/**
 * Plans one send per language of a published document (never before its embargo ends) to the
 * active subscribers who chose that language, its kind and one of its topics. Repeating it
 * plans nothing new: the send key names the document and the language.
 */
export async function planPublicationSends(
  payload: Payload,
  request: PublicationSendRequest,
): Promise<PublicationSendResult> {
  if (!documentCollections.includes(request.collection)) throw new Error(`Not a publication: ${request.collection}`)
  const doc = (await payload.findByID({
    collection: request.collection,
    id: request.id,
    locale: 'all',
    depth: 0,
    draft: false,
    disableErrors: true,
  })) as Record<string, unknown> | null
  if (!doc) return { status: 'not-published' }
  if (doc._status !== 'published') return { status: 'not-published' }
  const embargo = typeof doc.embargoUntil === 'string' ? new Date(doc.embargoUntil) : undefined
  if (embargo && embargo.getTime() > Date.now()) return { status: 'embargoed', until: embargo }

  const kind = kindByCollection(request.collection).kind
  const settings = await mailSettings(payload)
  const titles = doc.title as Localized<string>
  const states = doc.translationState as Localized<string>
  const topicIds = ((doc.topics as unknown[] | undefined) ?? []).map((t) =>
    num(typeof t === 'object' ? (t as { id: unknown }).id : t),
  )
  const sends: { locale: Locale; sendId: number; created: boolean; planned: number }[] = []
  for (const locale of request.locales ?? localeCodes) {
    const title = titles?.[locale]
    if (!title || states?.[locale] === 'missing') continue
    const recipients = request.correction
      ? await recipientsOfOriginal(payload, sendKey({ ...request, correction: undefined }, locale))
      : await matchingSubscribers(payload, locale, kind, topicIds)
    const withLinks: Recipient[] = recipients.map((r) => {
      const links = subscriberLinks(settings.cmsUrl, { id: r.id, tokenVersion: r.tokenVersion })
      return {
        key: `subscriber:${r.id}`,
        email: r.email,
        subscriber: r.id,
        variables: { unsubscribeUrl: links.unsubscribeUrl, preferencesUrl: links.preferencesUrl },
      }
    })
    const date = typeof doc.date === 'string' ? new Date(doc.date) : new Date()
    const place = (doc.place as Localized<string>)?.[locale]
    const dateText = new Intl.DateTimeFormat(localeInfo(locale).dateLocale, {
      dateStyle: 'long',
      timeZone: 'UTC',
    }).format(date)
    const body = (doc.body as Localized<unknown>)?.[locale]
    const org = settings.organizationName[locale]
    // React Email loads only when a send is planned, not with every start of the CMS.
    const { publicationTemplate } = await import('./emails.tsx')
    const message = await publicationTemplate({
      locale,
      org,
      from: settings.from,
      kindLabel: t(locale, kindWord[kind]!).replace(/^./, (c) => c.toUpperCase()),
      title,
      summary: (doc.summary as Localized<string>)?.[locale] ?? null,
      dateline: place ? `${place}, ${dateText}` : dateText,
      referenceNumber: (doc.referenceNumber as string | null) ?? null,
      bodyHtml: renderRichText(body),
      bodyText: richTextToPlainText(body),
      webUrl: `${settings.siteUrl}${documentPath(locale, kind, String(doc.slug ?? request.id))}`,
      correction: request.correction ? (request.correction.note?.[locale] ?? latestCorrection(doc, locale)) : undefined,
    })
    const planned = await planSend(payload, {
      key: sendKey(request, locale),
      label: `${request.correction ? 'Correction: ' : ''}${title} (${locale})`,
      purpose: request.correction ? 'correction' : 'publication',
      message,
      recipients: withLinks,
      source: { collection: request.collection, id: request.id, locale, referenceNumber: doc.referenceNumber ?? null },
    })
    sends.push({ locale, ...planned })
  }
  return { status: 'planned', sends }
}

function latestCorrection(doc: Record<string, unknown>, locale: Locale): string | undefined {
  const notes = (doc.changeNotes as { kind?: string; note?: Localized<string> }[] | undefined) ?? []
  return notes.filter((n) => n.kind === 'correction').at(-1)?.note?.[locale]
}

type Target = { id: number; email: string; tokenVersion: number }

const toTargets = (rows: { id: unknown; email: string; token_version: unknown }[]): Target[] =>
  rows.map((r) => ({ id: num(r.id), email: r.email, tokenVersion: num(r.token_version) }))

/** Active subscribers of this language whose kinds (none = all) and topics (none = all) match. */
async function matchingSubscribers(payload: Payload, locale: Locale, kind: string, topicIds: number[]) {
  const topicMatch =
    topicIds.length > 0
      ? sql`OR EXISTS (SELECT 1 FROM "subscribers_rels" "r" WHERE "r"."parent_id" = "s"."id" AND "r"."path" = 'topics'
            AND "r"."topics_id" IN (${sql.join(
              topicIds.map((id) => sql`${id}`),
              sql`, `,
            )}))`
      : sql``
  const rows = await queryRows<{ id: unknown; email: string; token_version: unknown }>(
    payload,
    sql`SELECT "s"."id", "s"."email", "s"."token_version" FROM "subscribers" "s"
        WHERE "s"."status" = 'active'
        AND EXISTS (SELECT 1 FROM "subscribers_languages" "l" WHERE "l"."parent_id" = "s"."id" AND "l"."value" = ${locale})
        AND (NOT EXISTS (SELECT 1 FROM "subscribers_kinds" "k" WHERE "k"."parent_id" = "s"."id")
             OR EXISTS (SELECT 1 FROM "subscribers_kinds" "k" WHERE "k"."parent_id" = "s"."id" AND "k"."value" = ${kind}))
        AND (NOT EXISTS (SELECT 1 FROM "subscribers_rels" "r" WHERE "r"."parent_id" = "s"."id" AND "r"."path" = 'topics')
             ${topicMatch})
        ORDER BY "s"."id"`,
  )
  return toTargets(rows)
}

/** Those the original was sent to who are still subscribed. */
async function recipientsOfOriginal(payload: Payload, originalKey: string) {
  const rows = await queryRows<{ id: unknown; email: string; token_version: unknown }>(
    payload,
    sql`SELECT "s"."id", "s"."email", "s"."token_version" FROM "deliveries" "d"
        JOIN "sends" "o" ON "o"."id" = "d"."send_id"
        JOIN "subscribers" "s" ON "s"."id" = "d"."subscriber_id"
        WHERE "o"."key" = ${originalKey} AND "d"."status" IN ('sent', 'delivered') AND "s"."status" = 'active'
        ORDER BY "s"."id"`,
  )
  return toTargets(rows)
}
