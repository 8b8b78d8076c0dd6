import type { Payload } from 'payload'
import { advanceDownload, advancePage } from '../../../../advance/handlers.ts'
import { acknowledgementHandlers } from '../../../../notices/acknowledgement/handlers.ts'
import { previewPage } from '../../../../preview/handlers.ts'
import { previewFile } from '../../../../preview/previewFile.ts'
import { handleConfirm, handleExport, handlePreferences, handleUnsubscribe } from '../../../../subscriptions/http.ts'
import { signToken } from '../../../../subscriptions/tokens.ts'
import type { ExtraRoute } from '../../../../testing/serveRest.ts'
import type { AuditRecord } from '../records.ts'
import { anonymousRecord } from './http.ts'

export type PageTargets = {
  /** The confirmed subscriber, and the one waiting to confirm. */
  subscribers: { active: number; pending: number }
  /** The dispatch's acknowledgement link (only its path is used: the test serves it). */
  acknowledgementLink: string
}

/**
 * The public pages a link in an e-mail opens, fetched over HTTP as the link's holder would: for
 * each subscriber the confirmation, preferences and unsubscribe pages (GET) and the data export
 * (POST), both as HTML and as JSON; and the acknowledgement page of the notice's dispatch.
 * Nothing is submitted that would change a subscription.
 */
export async function collectPublicPages(origin: string, targets: PageTargets): Promise<AuditRecord[]> {
  const records: AuditRecord[] = []
  for (const subscriber of [targets.subscribers.active, targets.subscribers.pending]) {
    const token = (purpose: 'confirm' | 'manage' | 'unsubscribe') =>
      signToken({
        purpose,
        subscriber,
        version: 1,
        ...(purpose === 'confirm' ? { expires: Date.now() + 3600_000 } : {}),
      })
    const pages: [string, string][] = [
      ['confirm', token('confirm')],
      ['preferences', token('manage')],
      ['unsubscribe', token('unsubscribe')],
    ]
    for (const [page, value] of pages) {
      for (const accept of ['text/html', 'application/json']) {
        const path = `/subscriptions/${page}?token=${value}`
        const response = await fetch(`${origin}${path}`, { headers: { accept } })
        records.push(
          await anonymousRecord(`page GET /subscriptions/${page} (subscriber ${subscriber}, ${accept})`, response),
        )
      }
    }
    const exported = await fetch(`${origin}/subscriptions/export`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: token('manage') }).toString(),
    })
    records.push(await anonymousRecord(`page POST /subscriptions/export (subscriber ${subscriber})`, exported))
  }
  const acknowledge = new URL(targets.acknowledgementLink).pathname
  records.push(await anonymousRecord(`page GET /acknowledge/…`, await fetch(`${origin}${acknowledge}`)))
  return records
}

/** The route handlers of those pages (app/(subscriptions), app/(notices)), for `serveRest`. */
export function publicPageRoutes(payload: Payload): Record<string, ExtraRoute> {
  const withPayload = (handler: (payload: Payload, request: Request) => Promise<Response>) => (request: Request) =>
    handler(payload, request)
  const acknowledge = acknowledgementHandlers(async () => payload)
  return {
    '/subscriptions/confirm': withPayload(handleConfirm),
    '/subscriptions/preferences': withPayload(handlePreferences),
    '/subscriptions/unsubscribe': withPayload(handleUnsubscribe),
    '/subscriptions/export': withPayload(handleExport),
    '/acknowledge/': (request) => {
      const context = { params: Promise.resolve({ token: new URL(request.url).pathname.split('/')[2] ?? '' }) }
      return request.method === 'POST' ? acknowledge.POST(request, context) : acknowledge.GET(request, context)
    },
    '/embargoed/': (request) => {
      // As the routes in app/(advance): /embargoed/<token>, /embargoed/<token>/pdf|kit.
      const [, , token = '', what] = new URL(request.url).pathname.split('/')
      if (what === 'pdf' || what === 'kit') return advanceDownload(token, what, async () => payload)
      return advancePage(request, token, async () => payload)
    },
    '/preview/': (request) => {
      // As the routes in app/(preview): /preview/<token>, /preview/<token>/media|files/<file>.
      const [, , token = '', folder, file] = new URL(request.url).pathname.split('/')
      if (folder === 'media' || folder === 'files') {
        const upload = folder === 'media' ? 'media' : 'documents'
        return previewFile(token, upload, decodeURIComponent(file ?? ''), async () => payload)
      }
      return previewPage(request, token, async () => payload)
    },
  }
}
