import type { Payload } from 'payload'
import { publicPageResponse } from '../../http/publicPage.ts'
import { firstValue, readPublicForm } from '../../http/readPublicForm.ts'
import { cachedMailSettings } from '../../mail/index.ts'
import { acknowledgeReceipt, inspectAcknowledgement } from './acknowledgeReceipt.ts'
import { type RenderedPage, renderAcknowledgementPage, renderTooLargePage } from './page.ts'

type RouteContext = { params: Promise<{ token: string }> }

const respond = (page: RenderedPage) => publicPageResponse(page.html, page.status)

/** The button's form field (null: the body is over the public form cap). Only a browser's form counts. */
async function confirmField(request: Request): Promise<string | undefined | null> {
  const read = await readPublicForm(request)
  if (!read.ok) return read.problem === 'tooLarge' ? null : undefined
  const value = firstValue(read.fields.confirm)
  return typeof value === 'string' ? value : undefined
}

/**
 * The time of a receipt is printed in the organization's zone, named (docs/adr/0040); the page's
 * frame leads back to the public site.
 */
const pageOptions = async (payload: Payload) => {
  const settings = await cachedMailSettings(payload)
  return { zone: settings.timeZone, settings }
}

/**
 * The acknowledgement page: GET only shows (link scanners and previews prefetch links), the
 * explicit POST from its button records.
 */
export function acknowledgementHandlers(getPayload: () => Promise<Payload>) {
  return {
    async GET(_request: Request, context: RouteContext): Promise<Response> {
      const { token } = await context.params
      const payload = await getPayload()
      return respond(
        renderAcknowledgementPage(await inspectAcknowledgement(payload, token), await pageOptions(payload)),
      )
    },
    async POST(request: Request, context: RouteContext): Promise<Response> {
      const { token } = await context.params
      const payload = await getPayload()
      const confirm = await confirmField(request)
      if (confirm === null) return respond(renderTooLargePage((await pageOptions(payload)).settings))
      if (confirm !== 'yes') {
        return respond(
          renderAcknowledgementPage(await inspectAcknowledgement(payload, token), {
            prompt: true,
            ...(await pageOptions(payload)),
          }),
        )
      }
      const state = await acknowledgeReceipt(payload, token)
      if (state.kind === 'acknowledged' && state.justNow) {
        payload.logger.info({ dispatchRecipient: state.row.id }, 'notice receipt acknowledged')
      }
      return respond(renderAcknowledgementPage(state, await pageOptions(payload)))
    },
  }
}
