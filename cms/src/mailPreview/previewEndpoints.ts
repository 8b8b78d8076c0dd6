import type { Endpoint, PayloadRequest } from 'payload'
import { composeDispatchPreview, composePublicationPreview, errorText } from './composePreview.ts'
import { draftPdfEdition } from './draftEdition.ts'
import { composeLanguageVariantPreview, previewVariantOf } from './languageVariantPreview.ts'
import { previewAnswer } from './previewAnswer.ts'
import { readTarget } from './requestParts.ts'
import { anyStaff, privateHeaders, publishers, refuse, staffRefusal, words } from './staffAnswers.ts'

/**
 * GET /api/staff-preview/publication-email?collection=press-releases&id=12&locale=ru[&variant=bilingual|notice]
 * The e-mail subscribers would receive for the latest draft, in one language (the first when
 * none is named), or its bilingual e-mail or language notice (docs/adr/0045). Any staff role; anyone else gets a refusal and nothing of the document.
 */
const publicationEmail: Endpoint = {
  path: '/staff-preview/publication-email',
  method: 'get',
  handler: async (req: PayloadRequest) => {
    const refusal = staffRefusal(req, anyStaff)
    if (refusal) return refusal
    const t = words(req)
    const target = await readTarget(req, true)
    if (typeof target === 'string') return refuse(400, t('badRequest', { needs: target }))
    const variant = previewVariantOf(req)
    const composed = variant
      ? await composeLanguageVariantPreview(req, target, variant)
      : await composePublicationPreview(req, target)
    if (composed instanceof Response) return composed
    return previewAnswer(composed.message, composed.locale, composed.locales, t('toSubscriber'))
  },
}

/**
 * GET /api/staff-preview/publication-pdf?collection=statements&id=12&locale=en
 * The PDF edition of the latest draft, inline. Any staff role.
 */
const publicationPdf: Endpoint = {
  path: '/staff-preview/publication-pdf',
  method: 'get',
  handler: async (req: PayloadRequest) => {
    const refusal = staffRefusal(req, anyStaff)
    if (refusal) return refusal
    const t = words(req)
    const target = await readTarget(req, true)
    if (typeof target === 'string' || !target.locale)
      return refuse(400, t('badRequest', { needs: typeof target === 'string' ? target : '"locale"' }))
    let edition: Awaited<ReturnType<typeof draftPdfEdition>>
    try {
      edition = await draftPdfEdition(req, target.collection!, target.id, target.locale)
    } catch (error) {
      return refuse(409, t('notReady', { reason: errorText(error) }))
    }
    if (!edition) return refuse(404, t('notFound'))
    return new Response(new Uint8Array(edition.pdf), {
      headers: {
        ...privateHeaders,
        'Content-Type': 'application/pdf',
        'Content-Disposition': `inline; filename="${edition.filename}"`,
      },
    })
  },
}

/**
 * GET /api/staff-preview/dispatch-email?id=3&locale=ru
 * The e-mail an institution of this dispatch would receive, in one of the languages its
 * recipients use. Admins and editors, as for dispatches themselves.
 */
const dispatchEmail: Endpoint = {
  path: '/staff-preview/dispatch-email',
  method: 'get',
  handler: async (req: PayloadRequest) => {
    const refusal = staffRefusal(req, publishers)
    if (refusal) return refusal
    const t = words(req)
    const target = await readTarget(req, false)
    if (typeof target === 'string') return refuse(400, t('badRequest', { needs: target }))
    const composed = await composeDispatchPreview(req, target)
    if (composed instanceof Response) return composed
    return previewAnswer(composed.message, composed.locale, composed.locales, t('toInstitution'))
  },
}

export const previewEndpoints: Endpoint[] = [publicationEmail, publicationPdf, dispatchEmail]
