import type { Endpoint } from 'payload'
import { sameOriginOnly } from '../../http/sameOrigin.ts'
import { requirePublisher } from '../http.ts'
import { planDispatch } from './planDispatch.ts'

/** POST /api/dispatches/:id/plan — resolves the chosen groups and recipients into the log and hands the e-mail rows to the delivery core. */
export const dispatchEndpoints: Endpoint[] = [
  sameOriginOnly({
    path: '/:id/plan',
    method: 'post',
    handler: async (req) => {
      requirePublisher(req)
      const id = String(req.routeParams?.id ?? '')
      if (!/^\d{1,15}$/.test(id)) return Response.json({ message: `"${id}" is not a dispatch ID.` }, { status: 404 })
      const result = await planDispatch(req.payload, Number(id))
      return Response.json({
        message: `Planned: ${result.total} recipient(s)${result.created < result.total ? ` (${result.created} added now)` : ''}; ${result.byChannel.email ?? 0} by e-mail, sent within a minute.`,
        ...result,
      })
    },
  }),
]
