import type { Endpoint, PayloadRequest } from 'payload'
import { checkConfirmation, confirmationToken } from '../http/confirmation.ts'
import { parseDocumentId, routeDocumentId } from '../http/documentId.ts'
import { sameOriginOnly } from '../http/sameOrigin.ts'
import { requirePublisher } from '../http/staffOnly.ts'
import { adminT } from '../i18n/admin/adminT.ts'
import { parseAudience } from './audience.ts'
import { planAdvance, sendAhead } from './sendAhead.ts'

const words = (req: PayloadRequest) => adminT(req.i18n.t, 'advanceSend')
const answer = (status: number, message: string, extra: object = {}) => Response.json({ message, ...extra }, { status })
const subject = (id: number, audience: unknown) => `advance-send\n${id}\n${JSON.stringify(audience)}`

/** The target and audience from a query string or a JSON body. */
function targetOf(get: (name: string) => unknown) {
  const id = parseDocumentId(String(get('id') ?? ''))
  const audience = parseAudience(get('audience'), get('group'), get('journalists'))
  return id === undefined || !audience ? undefined : { id, audience }
}

async function readJson(req: PayloadRequest): Promise<Record<string, unknown>> {
  try {
    return ((await req.json?.()) ?? {}) as Record<string, unknown>
  } catch {
    return {}
  }
}

/** Ticks `revoked` on a send or a link: every link of it, or that one, then answers the single 404. */
function revokeEndpoint(collection: 'advance-sends' | 'advance-links'): Endpoint {
  return sameOriginOnly({
    path: `/advance/${collection === 'advance-sends' ? 'sends' : 'links'}/:id/revoke`,
    method: 'post',
    handler: async (req) => {
      requirePublisher(req, 'sendAhead')
      const id = routeDocumentId(req, 'send')
      if (id instanceof Response) return id
      const updated = await req.payload
        .update({ collection, id, data: { revoked: true }, user: req.user, overrideAccess: false })
        .catch(() => null)
      return updated ? answer(200, words(req)('revoked')) : answer(404, words(req)('notFound'))
    },
  })
}

/**
 * GET  /api/advance/recipients?id=&audience=all|group|chosen[&group=][&journalists=1,2]
 *      Who sending ahead now reaches, per language, and the confirmation the send wants back.
 * POST /api/advance/send  { id, audience, group?, journalists?, requireTerms?, confirmation }
 * POST /api/advance/sends/:id/revoke, /api/advance/links/:id/revoke
 * Admins and editors only (docs/adr/0043).
 */
export const advanceEndpoints: Endpoint[] = [
  {
    path: '/advance/recipients',
    method: 'get',
    handler: async (req) => {
      requirePublisher(req, 'sendAhead')
      const target = targetOf((name) => req.searchParams.get(name) ?? undefined)
      if (!target) return answer(400, words(req)('badTarget'))
      const plan = await planAdvance(req.payload, target.id, target.audience)
      if (!plan) return answer(409, words(req)('notEmbargoed'))
      return Response.json({
        ...plan.counts,
        confirmation: confirmationToken(req.payload, subject(target.id, target.audience), plan.counts),
      })
    },
  },
  sameOriginOnly({
    path: '/advance/send',
    method: 'post',
    handler: async (req) => {
      const user = requirePublisher(req, 'sendAhead')
      const body = await readJson(req)
      const target = targetOf((name) => body[name])
      if (!target) return answer(400, words(req)('badTarget'))
      const plan = await planAdvance(req.payload, target.id, target.audience)
      if (!plan) return answer(409, words(req)('notEmbargoed'))
      const check = checkConfirmation(req.payload, body.confirmation, subject(target.id, target.audience), plan.counts)
      if (check === 'missing') return answer(400, words(req)('confirmFirst'), { counts: plan.counts })
      if (check === 'changed') return answer(409, words(req)('countsChanged'), { counts: plan.counts })
      if (plan.counts.total === 0) return answer(409, words(req)('nobody'))
      const sent = await sendAhead(req.payload, {
        ...target,
        requireTerms: body.requireTerms === true,
        by: user.id,
      })
      if (!sent) return answer(409, words(req)('notEmbargoed'))
      return answer(200, words(req)('sent', { count: sent.recipients, key: sent.key }), sent)
    },
  }),
  revokeEndpoint('advance-sends'),
  revokeEndpoint('advance-links'),
]
