import type { Endpoint } from 'payload'
import { routeDocumentId } from '../../http/documentId.ts'
import { sameOriginOnly } from '../../http/sameOrigin.ts'
import { requirePublisher } from '../../http/staffOnly.ts'
import { adminT } from '../../i18n/admin/adminT.ts'
import { planDispatch } from './planDispatch.ts'

/** POST /api/dispatches/:id/plan — resolves the chosen groups and recipients into the log and hands the e-mail rows to the delivery core. */
export const dispatchEndpoints: Endpoint[] = [
  sameOriginOnly({
    path: '/:id/plan',
    method: 'post',
    handler: async (req) => {
      requirePublisher(req, 'planDispatches')
      const id = routeDocumentId(req, 'dispatch')
      if (id instanceof Response) return id
      const result = await planDispatch(req.payload, id)
      return Response.json({
        message: adminT(req.i18n.t, 'dispatch')(result.created < result.total ? 'plannedPartly' : 'planned', {
          total: result.total,
          created: result.created,
          email: result.byChannel.email ?? 0,
        }),
        ...result,
      })
    },
  }),
]
