import type { Payload } from 'payload'
import { pageSecurityHeaders } from '../../http/pagePolicy.ts'
import { acknowledgeReceipt, inspectAcknowledgement } from './acknowledgeReceipt.ts'
import { type RenderedPage, renderAcknowledgementPage } from './page.ts'

type RouteContext = { params: Promise<{ token: string }> }

const pageHeaders = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-store',
  // The token is in the URL: never pass it on to another site.
  'Referrer-Policy': 'no-referrer',
  'X-Robots-Tag': 'noindex, nofollow',
  'X-Content-Type-Options': 'nosniff',
}

const respond = (page: RenderedPage) =>
  new Response(page.html, { status: page.status, headers: { ...pageHeaders, ...pageSecurityHeaders(page.html) } })

/**
 * The acknowledgement page: GET only shows (link scanners and previews prefetch links), the
 * explicit POST from its button records.
 */
export function acknowledgementHandlers(getPayload: () => Promise<Payload>) {
  return {
    async GET(_request: Request, context: RouteContext): Promise<Response> {
      const { token } = await context.params
      return respond(renderAcknowledgementPage(await inspectAcknowledgement(await getPayload(), token)))
    },
    async POST(request: Request, context: RouteContext): Promise<Response> {
      const { token } = await context.params
      const payload = await getPayload()
      const form = await request.formData().catch(() => null)
      if (form?.get('confirm') !== 'yes') {
        return respond(renderAcknowledgementPage(await inspectAcknowledgement(payload, token), { prompt: true }))
      }
      const state = await acknowledgeReceipt(payload, token)
      if (state.kind === 'acknowledged' && state.justNow) {
        payload.logger.info({ dispatchRecipient: state.row.id }, 'notice receipt acknowledged')
      }
      return respond(renderAcknowledgementPage(state))
    },
  }
}
