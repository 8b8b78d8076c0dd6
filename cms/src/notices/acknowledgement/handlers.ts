import type { Payload } from 'payload'
import { publicFormBytes } from '../../http/bodyLimits.ts'
import { readBodyUpTo } from '../../http/boundedBody.ts'
import { pageSecurityHeaders } from '../../http/pagePolicy.ts'
import { acknowledgeReceipt, inspectAcknowledgement } from './acknowledgeReceipt.ts'
import { type RenderedPage, renderAcknowledgementPage, renderTooLargePage } from './page.ts'

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

/** The button's form field, read from at most publicFormBytes of any body (null: too large). */
async function confirmField(request: Request): Promise<string | undefined | null> {
  const body = await readBodyUpTo(request, publicFormBytes)
  if (!body) return null
  const type = request.headers.get('content-type') ?? ''
  const form = await new Response(body, { headers: { 'content-type': type } }).formData().catch(() => null)
  const value = form?.get('confirm')
  return typeof value === 'string' ? value : undefined
}

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
      const confirm = await confirmField(request)
      if (confirm === null) return respond(renderTooLargePage())
      if (confirm !== 'yes') {
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
