import { type DocumentCollection, documentPath, kindByCollection, type Locale, refPath } from '@pressroom/shared'
import type { PayloadRequest } from 'payload'
import { mailSettings } from '../mail/index.ts'

/** Printed where a draft has no reference number yet: publishing assigns it. */
const draftReference = 'DRAFT'

/**
 * The PDF edition of a publication's latest draft in one language, rendered by the code that
 * renders published editions (`@pressroom/shared/editions`, as the site's build and the notice
 * e-mails do). Only what publishing adds is filled in: a draft reference and, without a date,
 * today. Null when the staff member may not read the draft or it has no text in `locale`.
 */
export async function draftPdfEdition(
  req: PayloadRequest,
  collection: DocumentCollection,
  id: number,
  locale: Locale,
): Promise<{ pdf: Uint8Array; filename: string } | null> {
  const doc = (await req.payload
    .findByID({
      collection,
      id,
      locale,
      fallbackLocale: false,
      depth: 0,
      draft: true,
      overrideAccess: false,
      user: req.user,
      disableErrors: true,
    })
    .catch(() => null)) as Record<string, unknown> | null
  if (!doc || typeof doc.title !== 'string' || !doc.title.trim()) return null
  // pdfkit and the fonts load only when someone asks for a PDF, not with every start of the CMS.
  const { editionFilename, editionFromPublication, renderPdfEdition } = await import('@pressroom/shared/editions')
  const kind = kindByCollection(collection).kind
  const settings = await mailSettings(req.payload)
  const edition = editionFromPublication(
    {
      ...doc,
      _status: 'published',
      referenceNumber: (doc.referenceNumber as string | null) || draftReference,
      date: (doc.date as string | null) || new Date().toISOString(),
    },
    {
      locale,
      kind,
      organizationName: settings.organizationName[locale],
      url: `${settings.siteUrl}${documentPath(locale, kind, String(doc.slug ?? id))}`,
      // A draft not yet numbered has no short link yet (docs/adr/0047).
      ...(typeof doc.referenceNumber === 'string' && doc.referenceNumber
        ? { citeUrl: `${settings.siteUrl}${refPath(doc.referenceNumber)}` }
        : {}),
    },
  )
  return { pdf: await renderPdfEdition(edition), filename: `draft-${editionFilename(edition)}` }
}
