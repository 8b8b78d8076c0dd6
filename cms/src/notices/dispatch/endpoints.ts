import type { Endpoint } from 'payload'
import { routeDocumentId } from '../../http/documentId.ts'
import { sameOriginOnly } from '../../http/sameOrigin.ts'
import { requirePublisher } from '../../http/staffOnly.ts'
import { planDispatch } from './planDispatch.ts'

/** POST /api/dispatches/:id/plan — resolves the chosen groups and recipients into the log and hands the e-mail rows to the delivery core. */
export const dispatchEndpoints: Endpoint[] = [
  sameOriginOnly({
    path: '/:id/plan',
    method: 'post',
    handler: async (req) => {
      requirePublisher(req, 'plan dispatches')
      const id = routeDocumentId(req, 'dispatch')
      if (id instanceof Response) return id
      const result = await planDispatch(req.payload, id)
      return Response.json({
        message: `Planned: ${result.total} recipient(s)${result.created < result.total ? ` (${result.created} added now)` : ''}; ${result.byChannel.email ?? 0} by e-mail, sent within a minute.`,
        ...result,
      })
    },
  }),
]
