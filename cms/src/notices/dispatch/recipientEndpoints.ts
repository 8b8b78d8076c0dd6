import type { Endpoint } from 'payload'
import { attachment, today } from '../../http/attachment.ts'
import { readBoundedBody } from '../../http/boundedBody.ts'
import { routeDocumentId } from '../../http/documentId.ts'
import { sameOriginOnly } from '../../http/sameOrigin.ts'
import { requirePublisher } from '../../http/staffOnly.ts'
import { adminT } from '../../i18n/admin/adminT.ts'
import { staffError } from '../../i18n/admin/staffError.ts'
import { dispatchLogCsv } from '../log/dispatchLogCsv.ts'
import { dispatchLogPdf } from '../log/dispatchLogPdf.ts'
import { loadDispatchLog, logScopeFrom } from '../log/loadDispatchLog.ts'
import { requestResend } from './requestResend.ts'

/**
 * GET /api/dispatch-recipients/export?format=csv|pdf&dispatch=|notice=|recipient=<id>
 * POST /api/dispatch-recipients/:id/resend {"reason": "...", "attempt": <current attempt>}
 */
export const dispatchRecipientEndpoints: Endpoint[] = [
  {
    path: '/export',
    method: 'get',
    handler: async (req) => {
      requirePublisher(req, 'exportDispatchLog')
      const format = req.searchParams.get('format') ?? 'csv'
      if (format !== 'csv' && format !== 'pdf') {
        throw staffError('dispatch', 'unknownFormat', { format }, 400)
      }
      const scope = logScopeFrom(req.searchParams)
      const log = await loadDispatchLog(req.payload, scope).catch((error) => {
        if ((error as { status?: number }).status === 404) {
          throw staffError('dispatch', 'nothingWithId', undefined, 404)
        }
        throw error
      })
      const [key, id] = Object.entries(scope)[0] as [string, number]
      const name = `dispatch-log-${key}-${id}-${today()}`
      if (format === 'csv') return attachment(dispatchLogCsv(log), 'text/csv; charset=utf-8', `${name}.csv`)
      return attachment(new Uint8Array(await dispatchLogPdf(log)), 'application/pdf', `${name}.pdf`)
    },
  },
  sameOriginOnly({
    path: '/:id/resend',
    method: 'post',
    handler: async (req) => {
      const user = requirePublisher(req, 'resendNotices')
      const id = routeDocumentId(req, 'logEntry')
      if (id instanceof Response) return id
      const raw = new TextDecoder().decode(await readBoundedBody(req, 16 * 1024, 'request'))
      let body: { reason?: unknown; attempt?: unknown }
      try {
        body = raw ? JSON.parse(raw) : {}
      } catch {
        throw staffError('dispatch', 'resendJson', undefined, 400)
      }
      const row = await requestResend(req.payload, id, { user, reason: body.reason, attempt: body.attempt })
      const message = adminT(req.i18n.t, 'dispatch')('queuedAgain', { attempt: row.attempt })
      return Response.json({ message, attempt: row.attempt })
    },
  }),
]
