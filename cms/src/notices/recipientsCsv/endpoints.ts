import type { Endpoint } from 'payload'
import { attachment, today } from '../../http/attachment.ts'
import { parseDocumentId } from '../../http/documentId.ts'
import { sameOriginOnly } from '../../http/sameOrigin.ts'
import { requirePublisher } from '../../http/staffOnly.ts'
import { maxCsvBytes } from '../../http/uploadLimit.ts'
import { adminT } from '../../i18n/admin/adminT.ts'
import { exportRecipients } from './exportRecipients.ts'
import { importRecipients } from './importRecipients.ts'
import { readCsvUpload } from './readCsvUpload.ts'

/**
 * POST /api/recipients/import[?dryRun=true] with a CSV body or a multipart `file`: 200 with the
 * report when imported (or checked), 400 with every problem when nothing was imported, 413 for
 * a file too large. GET /api/recipients/export[?group=<id>]: the directory as CSV.
 */
export const recipientsEndpoints: Endpoint[] = [
  sameOriginOnly(
    {
      path: '/import',
      method: 'post',
      handler: async (req) => {
        const user = requirePublisher(req, 'importRecipients')
        const csv = await readCsvUpload(req, maxCsvBytes())
        const dryRun = ['true', '1', 'yes'].includes(String(req.searchParams.get('dryRun') ?? ''))
        const report = await importRecipients(req.payload, csv, { t: req.i18n.t, user, dryRun })
        const status = report.ok ? 200 : report.tooManyRows ? 413 : 400
        const say = adminT(req.i18n.t, 'recipientsCsv')
        const message = report.ok
          ? say(dryRun ? 'checked' : 'imported', report)
          : (report.fileProblem ?? say('nothingImported', { count: report.problems.length }))
        return Response.json({ message, ...report }, { status })
      },
    },
    // The admin's import form sends multipart; scripts may post the CSV itself.
    ['multipart', 'csv'],
  ),
  {
    path: '/export',
    method: 'get',
    handler: async (req) => {
      requirePublisher(req, 'exportRecipients')
      const group = parseDocumentId(req.searchParams.get('group'))
      const csv = await exportRecipients(req.payload, { group })
      return attachment(csv, 'text/csv; charset=utf-8', `recipients-${today()}.csv`)
    },
  },
]
