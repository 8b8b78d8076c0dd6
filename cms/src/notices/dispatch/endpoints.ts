import type { Endpoint } from 'payload'
import { readBoundedBody } from '../../http/boundedBody.ts'
import { checkConfirmation, confirmationToken } from '../../http/confirmation.ts'
import { routeDocumentId } from '../../http/documentId.ts'
import { sameOriginOnly } from '../../http/sameOrigin.ts'
import { requirePublisher } from '../../http/staffOnly.ts'
import { adminT } from '../../i18n/admin/adminT.ts'
import { deliveryChannels } from '../directory.ts'
import { dispatchConfirmationSubject, dispatchRecipientCounts } from './dispatchRecipientCounts.ts'
import { planDispatch } from './planDispatch.ts'

/** The request body's `confirmation`, if it sent one (a bad body confirms nothing). */
async function confirmationOf(req: Parameters<Endpoint['handler']>[0]): Promise<unknown> {
  const raw = new TextDecoder().decode(await readBoundedBody(req, 16 * 1024, 'request'))
  try {
    return (JSON.parse(raw || '{}') as { confirmation?: unknown }).confirmation
  } catch {
    return undefined
  }
}

/**
 * GET  /api/dispatches/:id/recipient-counts — how many recipients planning gives, per language and
 *      channel, with the confirmation token the plan wants back (docs/adr/0039).
 * POST /api/dispatches/:id/plan {"confirmation": "<token>"} — resolves the chosen groups and recipients into the log and hands the e-mail rows to the delivery core.
 */
export const dispatchEndpoints: Endpoint[] = [
  {
    path: '/:id/recipient-counts',
    method: 'get',
    handler: async (req) => {
      requirePublisher(req, 'planDispatches')
      const id = routeDocumentId(req, 'dispatch')
      if (id instanceof Response) return id
      const { counts, confirmed } = await dispatchRecipientCounts(req.payload, id)
      const language = req.i18n.language === 'ru' ? 'ru' : 'en'
      return Response.json({
        ...counts,
        channelLabels: Object.fromEntries(deliveryChannels.map((c) => [c.value, c.label[language]])),
        confirmation: confirmationToken(req.payload, dispatchConfirmationSubject(id), confirmed),
      })
    },
  },
  sameOriginOnly({
    path: '/:id/plan',
    method: 'post',
    handler: async (req) => {
      requirePublisher(req, 'planDispatches')
      const id = routeDocumentId(req, 'dispatch')
      if (id instanceof Response) return id
      // Staff must have seen and confirmed the counts as they are now; a stray POST plans nothing.
      const { counts, confirmed } = await dispatchRecipientCounts(req.payload, id)
      const check = checkConfirmation(
        req.payload,
        await confirmationOf(req),
        dispatchConfirmationSubject(id),
        confirmed,
      )
      const words = adminT(req.i18n.t, 'confirm')
      if (check === 'missing') return Response.json({ message: words('confirmFirst'), counts }, { status: 400 })
      if (check === 'changed') return Response.json({ message: words('countsChanged'), counts }, { status: 409 })
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
