import { type DocumentKind, documentPath, kindWord, type Locale } from '@pressroom/shared'
import type { Payload } from 'payload'
import { queryRows, sql } from '../../db/sql.ts'
import { cancelHeldSend, type MailSettings, planSend, type Recipient } from '../../mail/index.ts'
import { subscriberLinks } from '../subscriberLinks.ts'
import { languageNoticeKey, type PublicationAudiencePlan } from './languageAwareAudience.ts'
import { pageWait } from './pageWait.ts'
import type { AudienceRequest } from './publicationAudience.ts'
import type { PublicationExtrasSource } from './publicationExtras.ts'
import { type PublicationDocument, publicationMail } from './publicationMessage.ts'
import type { PublicationRecipient } from './publicationRecipients.ts'

/** A planned send of a publication: per language, bilingual or a notice (docs/adr/0045). */
export type PlannedPublicationSend = {
  locale: Locale
  sendId: number
  created: boolean
  planned: number
  variant?: 'bilingual' | 'notice'
  /** The bilingual e-mail's languages (`en+ru`). */
  languages?: string
}

type Context = {
  doc: PublicationDocument
  request: AudienceRequest
  kind: DocumentKind
  settings: MailSettings
  holdUntil?: Date
  /** Contacts, downloads, images and notes to editors (publicationExtras.ts), read once. */
  extras?: PublicationExtrasSource
}

/** Subscribers as delivery recipients, each with their own signed unsubscribe and preferences links. */
export function withSubscriberLinks(settings: MailSettings, recipients: PublicationRecipient[]): Recipient[] {
  return recipients.map((r) => {
    const links = subscriberLinks(settings.cmsUrl, { id: r.id, tokenVersion: r.tokenVersion })
    return {
      key: `subscriber:${r.id}`,
      email: r.email,
      subscriber: r.id,
      variables: { unsubscribeUrl: links.unsubscribeUrl, preferencesUrl: links.preferencesUrl },
    }
  })
}

const source = (c: Context, locale: string) => ({
  collection: c.request.collection,
  id: c.request.id,
  locale,
  referenceNumber: (c.doc.referenceNumber as string | null | undefined) ?? null,
})

/** Plans the bilingual e-mail, before the per-language sends that leave its recipients out. */
export async function planBilingualSend(
  payload: Payload,
  c: Context,
  plan: PublicationAudiencePlan,
): Promise<PlannedPublicationSend[]> {
  const bilingual = plan.bilingual
  if (!bilingual || bilingual.alreadySent || bilingual.recipients.length === 0) return []
  const titles = c.doc.title as Partial<Record<Locale, string>>
  const mails = bilingual.locales.map((locale) =>
    publicationMail({
      doc: c.doc,
      id: c.request.id,
      kind: c.kind,
      locale,
      title: titles[locale] ?? '',
      settings: c.settings,
      extras: c.extras,
    }),
  )
  const { bilingualTemplate } = await import('../languageEmails.tsx')
  const planned = await planSend(payload, {
    key: bilingual.key,
    label: `${mails.map((m) => m.title).join(' / ')} (${bilingual.locales.join('+')})`,
    purpose: 'publication-bilingual',
    message: await bilingualTemplate(mails),
    recipients: withSubscriberLinks(c.settings, bilingual.recipients),
    source: source(c, bilingual.locales.join('+')),
    holdUntil: c.holdUntil,
    waitFor: pageWait(c.doc),
    replaceCancelled: c.request.restart,
  })
  return [{ locale: bilingual.locales[0]!, variant: 'bilingual', languages: bilingual.locales.join('+'), ...planned }]
}

/** Plans the notices to subscribers whose languages the publication is not (yet) written in. */
export async function planLanguageNotices(
  payload: Payload,
  c: Context,
  plan: PublicationAudiencePlan,
): Promise<PlannedPublicationSend[]> {
  const { languageNoticeTemplate } = await import('../languageEmails.tsx')
  const sends: PlannedPublicationSend[] = []
  for (const notice of plan.notices) {
    if (notice.alreadySent || notice.recipients.length === 0) continue
    const slug = String(c.doc.slug ?? c.request.id)
    const message = await languageNoticeTemplate({
      locale: notice.locale,
      org: c.settings.organizationName[notice.locale],
      from: c.settings.from,
      kindLabel: kindWord(c.kind, notice.locale, 'singular'),
      title: notice.title,
      original: notice.original,
      webUrl: `${c.settings.siteUrl}${documentPath(notice.original, c.kind, slug)}`,
    })
    const planned = await planSend(payload, {
      key: notice.key,
      label: `${notice.title} (${notice.original} → ${notice.locale})`,
      purpose: 'publication-language-notice',
      message,
      recipients: withSubscriberLinks(c.settings, notice.recipients),
      source: source(c, notice.locale),
      holdUntil: c.holdUntil,
      waitFor: pageWait(c.doc),
      replaceCancelled: c.request.restart,
    })
    sends.push({ locale: notice.locale, variant: 'notice', ...planned })
  }
  return sends
}

/**
 * A notice still in its grace period when its language is published after all (both languages
 * published moments apart) is cancelled: the subscriber gets the real e-mail instead.
 */
export async function cancelOutdatedNotices(payload: Payload, request: AudienceRequest, written: Locale[]) {
  for (const locale of written) {
    const [send] = await queryRows<{ id: unknown }>(
      payload,
      sql`SELECT "id" FROM "sends" WHERE "key" = ${languageNoticeKey(request, locale)} AND "status" = 'sending'`,
    )
    if (send) await cancelHeldSend(payload, Number(send.id), null)
  }
}
