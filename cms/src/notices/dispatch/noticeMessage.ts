import { documentPath, type Locale, localeCodes, refPath } from '@pressroom/shared'
import { renderRichText, richTextToPlainText } from '@pressroom/shared/richtext'
import type { Payload } from 'payload'
import { type MessageTemplate, mailSettings } from '../../mail/index.ts'

export type NoticeMessage = {
  template: MessageTemplate
  /** The language of the notice's text and of the attached PDF. */
  textLocale: Locale
  referenceNumber: string
  attachmentName: string
}

type PublicNotice = Record<string, unknown> & { title?: string | null; translationState?: string | null }

/**
 * The notice exactly as an anonymous reader may see it in `locale` (published version only,
 * no fallback to the other language), or null. Drafts and unpublished notices never reach an
 * e-mail or its PDF: the public access rules decide, not this code.
 */
async function readPublicNotice(payload: Payload, id: number | string, locale: Locale): Promise<PublicNotice | null> {
  const doc = (await payload
    .findByID({
      collection: 'notices',
      id,
      locale,
      fallbackLocale: false,
      draft: false,
      overrideAccess: false,
      depth: 0,
      disableErrors: true,
    })
    .catch(() => null)) as PublicNotice | null
  if (!doc?.title?.trim() || doc.translationState === 'missing') return null
  return doc
}

/**
 * Builds, once per language, the e-mail of a notice for recipients who prefer `locale`: the
 * notice's text in that language, or in the other one with a sentence saying so, and the PDF
 * edition in the language of the text attached (there is no "fallback PDF", as on the site).
 * Throws with a message staff can act on when the notice is not public.
 */
export function noticeMessages(payload: Payload) {
  const cache = new Map<string, Promise<NoticeMessage>>()
  return (noticeId: number | string, locale: Locale): Promise<NoticeMessage> => {
    const key = `${noticeId}:${locale}`
    let pending = cache.get(key)
    if (!pending) {
      pending = buildNoticeMessage(payload, noticeId, locale)
      cache.set(key, pending)
    }
    return pending
  }
}

async function buildNoticeMessage(payload: Payload, noticeId: number | string, locale: Locale): Promise<NoticeMessage> {
  const order = [locale, ...localeCodes.filter((l) => l !== locale)]
  let doc: PublicNotice | null = null
  let textLocale: Locale = locale
  for (const candidate of order) {
    doc = await readPublicNotice(payload, noticeId, candidate)
    if (doc) {
      textLocale = candidate
      break
    }
  }
  if (!doc) {
    throw new Error(
      `Notice ${noticeId} is not published (or has no text in any language), so it cannot be e-mailed. Publish it again; the queued e-mails are sent on the next mail run.`,
    )
  }
  // pdfkit, the fonts and React Email load only when a notice is e-mailed, not with every start of the CMS.
  const [{ editionFilename, editionFromPublication, renderPdfEdition, dateLine }, { noticeEmailTemplate }] =
    await Promise.all([import('@pressroom/shared/editions'), import('./noticeEmail.tsx')])
  const settings = await mailSettings(payload)
  const webUrl = `${settings.siteUrl}${documentPath(textLocale, 'notice', String(doc.slug ?? noticeId))}`
  const edition = editionFromPublication(doc, {
    locale: textLocale,
    kind: 'notice',
    organizationName: settings.organizationName[textLocale],
    url: webUrl,
    // The language-neutral short link, as the site's editions print it (docs/adr/0047).
    ...(typeof doc.referenceNumber === 'string' && doc.referenceNumber
      ? { citeUrl: `${settings.siteUrl}${refPath(doc.referenceNumber)}` }
      : {}),
    defaultZone: settings.timeZone,
  })
  const pdf = await renderPdfEdition(edition)
  const attachmentName = editionFilename(edition)
  const template = await noticeEmailTemplate({
    locale,
    textLocale,
    org: settings.organizationName[locale],
    from: settings.from,
    referenceNumber: edition.referenceNumber,
    title: edition.title,
    summary: edition.summary,
    dateline: dateLine(edition.place, edition.date, textLocale, edition.zone),
    addressees: edition.addressees ?? [],
    bodyHtml: renderRichText(doc.body),
    bodyText: richTextToPlainText(doc.body),
    formalClosing: edition.formalClosing,
    attachmentName,
    webUrl,
  })
  return {
    template: {
      ...template,
      attachments: [
        {
          filename: attachmentName,
          contentType: 'application/pdf',
          contentBase64: Buffer.from(pdf).toString('base64'),
        },
      ],
      tags: [{ name: 'purpose', value: 'institution-notice' }],
    },
    textLocale,
    referenceNumber: edition.referenceNumber,
    attachmentName,
  }
}
