import {
  type DocumentCollection,
  documentCollections,
  kindByCollection,
  type Locale,
  localeCodes,
  relationId,
} from '@pressroom/shared'
import type { Payload } from 'payload'
import { releaseOf } from '../../access/embargo.ts'
import { num } from '../../db/sql.ts'
import { mailSettings, planSend, type Recipient } from '../../mail/index.ts'
import { subscriberLinks } from '../subscriberLinks.ts'
import { type PublicationDocument, publicationMessage } from './publicationMessage.ts'
import { matchingSubscribers, recipientsOfOriginal } from './publicationRecipients.ts'

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

const sendKey = (request: PublicationSendRequest, locale: Locale) =>
  request.correction
    ? `correction:${request.collection}:${request.id}:${request.correction.key}:${locale}`
    : `publication:${request.collection}:${request.id}:${locale}`

/**
 * Plans one send per language of a published document (never before its embargo ends) to the
 * active subscribers who chose that language, its kind and one of its topics. Repeating it
 * plans nothing new: the send key names the document and the language. The message itself is
 * composed by publicationMessage.
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
  })) as PublicationDocument | null
  if (!doc) return { status: 'not-published' }
  const release = releaseOf(doc)
  if (!release.released)
    return release.until ? { status: 'embargoed', until: release.until } : { status: 'not-published' }

  const kind = kindByCollection(request.collection).kind
  const settings = await mailSettings(payload)
  const titles = doc.title as Localized<string>
  const states = doc.translationState as Localized<string>
  const topicIds = ((doc.topics as unknown[] | undefined) ?? []).map((t) => num(relationId(t)))
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
    const message = await publicationMessage({
      doc,
      id: request.id,
      kind,
      locale,
      title,
      settings,
      correction: request.correction,
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
