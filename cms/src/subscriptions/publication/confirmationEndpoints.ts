import { type DocumentCollection, documentCollections, isLocale, type Locale } from '@pressroom/shared'
import type { Endpoint, PayloadRequest } from 'payload'
import { checkConfirmation, confirmationToken } from '../../http/confirmation.ts'
import { parseDocumentId, routeDocumentId } from '../../http/documentId.ts'
import { sameOriginOnly } from '../../http/sameOrigin.ts'
import { requirePublisher } from '../../http/staffOnly.ts'
import { adminT } from '../../i18n/admin/adminT.ts'
import { cancelHeldSend } from '../../mail/index.ts'
import { publicationGraceEnd } from './gracePeriod.ts'
import type { AudienceRequest } from './publicationAudience.ts'
import { publicationConfirmationSubject, publicationRecipientCounts } from './publicationRecipientCounts.ts'
import { publicationSendsOf } from './publicationSendsOf.ts'

const words = (req: PayloadRequest) => adminT(req.i18n.t, 'confirm')
const answer = (status: number, message: string, extra: object = {}) => Response.json({ message, ...extra }, { status })

/** The key of a document's latest correction (the send endpoint's rule), or undefined without one. */
async function latestCorrectionKey(req: PayloadRequest, collection: DocumentCollection, id: number) {
  const doc = (await req.payload.findByID({ collection, id, depth: 0, disableErrors: true })) as {
    changeNotes?: { kind?: string }[]
  } | null
  const count = doc?.changeNotes?.filter((n) => n.kind === 'correction').length ?? 0
  return count > 0 ? { key: `c${count}` } : undefined
}

/**
 * The send endpoint's gate (docs/adr/0039): the request must carry the confirmation token that
 * came with the counts staff were shown, for the counts as they are now. Undefined when it does.
 */
export async function refuseUnconfirmedPublicationSend(
  req: PayloadRequest,
  request: AudienceRequest,
  given: unknown,
): Promise<Response | undefined> {
  const counted = await publicationRecipientCounts(req.payload, request)
  if (!counted) return answer(404, words(req)('notFound'))
  const check = checkConfirmation(req.payload, given, publicationConfirmationSubject(request), counted.confirmed)
  if (check === 'missing') return answer(400, words(req)('confirmFirst'), { counts: counted.counts })
  if (check === 'changed') return answer(409, words(req)('countsChanged'), { counts: counted.counts })
  return undefined
}

function targetOf(req: PayloadRequest): { collection: DocumentCollection; id: number } | undefined {
  const collection = req.searchParams.get('collection') as DocumentCollection
  const id = parseDocumentId(req.searchParams.get('id') ?? '')
  if (!documentCollections.includes(collection) || id === undefined) return undefined
  return { collection, id }
}

const graceSeconds = async (req: PayloadRequest) => {
  const end = await publicationGraceEnd(req.payload, new Date(0))
  return end ? end.getTime() / 1000 : 0
}

/**
 * GET  /api/mail/publication-recipients?collection=&id=[&correction=1][&draft=1&topics=1,2&locale=en]
 *      How many subscribers a publication's e-mail reaches, per language, with the confirmation
 *      token the send endpoint wants back. `draft=1`: what publishing the latest version would
 *      send (topics and a language from the unsaved form may be given; id 0 for a new document).
 * GET  /api/mail/publication-sends?collection=&id=   Its sends: waiting (and until when), going, cancelled.
 * POST /api/mail/sends/:id/cancel                    Cancels a send in its grace period.
 */
export const publicationConfirmationEndpoints: Endpoint[] = [
  {
    path: '/mail/publication-recipients',
    method: 'get',
    handler: async (req) => {
      requirePublisher(req, 'countPublicationRecipients')
      const target = targetOf(req)
      if (!target) return answer(400, words(req)('badTarget'))
      const draft = req.searchParams.get('draft') === '1'
      const correction =
        req.searchParams.get('correction') === '1'
          ? await latestCorrectionKey(req, target.collection, target.id)
          : undefined
      const request: AudienceRequest = { ...target, correction, restart: !draft }
      const topics = req.searchParams.get('topics')
      const locale = req.searchParams.get('locale')
      const counted = await publicationRecipientCounts(req.payload, request, {
        draft,
        unsaved: draft
          ? {
              topicIds: topics === null ? undefined : topics.split(',').flatMap((t) => parseDocumentId(t) ?? []),
              withLocale: locale && isLocale(locale) ? (locale as Locale) : undefined,
            }
          : undefined,
      })
      if (!counted) return answer(404, words(req)('notFound'))
      return Response.json({
        ...counted.counts,
        alreadySent: counted.alreadySent,
        graceSeconds: await graceSeconds(req),
        confirmation: confirmationToken(req.payload, publicationConfirmationSubject(request), counted.confirmed),
      })
    },
  },
  {
    path: '/mail/publication-sends',
    method: 'get',
    handler: async (req) => {
      requirePublisher(req, 'seePublicationSends')
      const target = targetOf(req)
      if (!target) return answer(400, words(req)('badTarget'))
      return Response.json({ sends: await publicationSendsOf(req.payload, target.collection, target.id) })
    },
  },
  sameOriginOnly({
    path: '/mail/sends/:id/cancel',
    method: 'post',
    handler: async (req) => {
      const user = requirePublisher(req, 'cancelSends')
      const id = routeDocumentId(req, 'send')
      if (id instanceof Response) return id
      const outcome = await cancelHeldSend(req.payload, id, user.id)
      if (outcome === 'not-found') return answer(404, words(req)('sendNotFound'))
      if (outcome === 'too-late') return answer(409, words(req)('tooLate'))
      return answer(200, words(req)('cancelled'))
    },
  }),
]
