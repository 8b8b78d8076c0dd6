import { type DocumentCollection, documentCollections, kindByCollection, type Locale } from '@pressroom/shared'
import type { Payload } from 'payload'
import { releaseOf } from '../../access/embargo.ts'
import { mailSettings, planSend } from '../../mail/index.ts'
import { publicationGraceEnd } from './gracePeriod.ts'
import { languageAwareAudience, writtenLocales } from './languageAwareAudience.ts'
import { pageWait } from './pageWait.ts'
import {
  cancelOutdatedNotices,
  type PlannedPublicationSend,
  planBilingualSend,
  planLanguageNotices,
  withSubscriberLinks,
} from './planLanguageAwareSends.ts'
import type { AudienceRequest } from './publicationAudience.ts'
import { loadPublicationExtras } from './publicationExtras.ts'
import { type PublicationDocument, publicationMessage } from './publicationMessage.ts'
import { sendMailNowThatSiteIsLive } from './releaseMailOncePageLive.ts'

export type PublicationSendRequest = AudienceRequest & {
  /** Makes this a correction e-mail to those who received the original; the key tells corrections apart. */
  correction?: { key: string; note?: Partial<Record<Locale, string>> }
}

export type PublicationSendResult =
  | {
      status: 'planned'
      sends: PlannedPublicationSend[]
      /** When the e-mails go (the grace period's end), if they wait. */
      holdUntil?: Date
    }
  | { status: 'embargoed'; until: Date }
  | { status: 'not-published' }

/**
 * Plans one send per language of a published document (never before its embargo ends) to the
 * active subscribers who chose that language, its kind and one of its topics
 * (publicationAudience). Each send waits the grace period of the site settings, during which
 * staff can cancel it (docs/adr/0039), and goes only once its page is live (docs/adr/0044). Repeating it plans nothing new: the send key names the
 * document and the language, and a cancelled send keeps its key unless `restart` is set. The
 * message itself is composed by publicationMessage.
 */
export async function planPublicationSends(
  payload: Payload,
  request: PublicationSendRequest,
): Promise<PublicationSendResult> {
  if (!documentCollections.includes(request.collection)) throw new Error(`Not a publication: ${request.collection}`)
  const doc = (await payload.findByID({
    collection: request.collection as DocumentCollection,
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
  const holdUntil = await publicationGraceEnd(payload)
  const extras = await loadPublicationExtras(payload, doc, request.collection as DocumentCollection)
  // Language-aware (docs/adr/0045): the bilingual e-mail first, then each language, then notices.
  const plan = await languageAwareAudience(payload, doc, request)
  const context = { doc, request, kind, settings, holdUntil, extras }
  const sends: PlannedPublicationSend[] = await planBilingualSend(payload, context, plan)
  for (const { locale, title, key, recipients } of plan.languages) {
    const withLinks = withSubscriberLinks(settings, recipients)
    const message = await publicationMessage({
      doc,
      id: request.id,
      kind,
      locale,
      title,
      settings,
      correction: request.correction,
      extras,
    })
    const planned = await planSend(payload, {
      key,
      label: `${request.correction ? 'Correction: ' : ''}${title} (${locale})`,
      purpose: request.correction ? 'correction' : 'publication',
      message,
      recipients: withLinks,
      source: { collection: request.collection, id: request.id, locale, referenceNumber: doc.referenceNumber ?? null },
      holdUntil,
      // The link must work when the e-mail arrives (docs/adr/0044).
      waitFor: pageWait(doc),
      replaceCancelled: request.restart,
    })
    sends.push({ locale, ...planned })
  }
  if (!request.correction) {
    sends.push(...(await planLanguageNotices(payload, context, plan)))
    await cancelOutdatedNotices(payload, request, writtenLocales(doc))
  }
  // The build that makes the page live may have succeeded before these sends were committed (at
  // an embargo's end the build and this planning start at the same instant): its release step did
  // not see them, so they are released here, now that they are, and go at once (docs/adr/0044).
  if (sends.some((s) => s.created)) await sendMailNowThatSiteIsLive(payload)
  return { status: 'planned', sends, holdUntil }
}
