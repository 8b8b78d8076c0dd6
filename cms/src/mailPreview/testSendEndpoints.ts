import { localeInfo } from '@pressroom/shared'
import type { Endpoint, PayloadRequest } from 'payload'
import { sameOriginOnly } from '../http/sameOrigin.ts'
import { type ComposedPreview, composeDispatchPreview, composePublicationPreview } from './composePreview.ts'
import { readTarget, type Target } from './requestParts.ts'
import { sendTestMessage, TestSendFailed } from './sendTestMessage.ts'
import { anyStaff, privateHeaders, publishers, refuse, staffRefusal, words } from './staffAnswers.ts'
import { testSendWait } from './testSendLimit.ts'

type Composed = ComposedPreview | Response

/**
 * The shared path of both test sends: who may, the rate limit, composing (by `compose`), the
 * send to the staff member's own address and the answer in their admin language.
 */
function testSendEndpoint(
  path: string,
  roles: typeof anyStaff,
  withCollection: boolean,
  compose: (req: PayloadRequest, target: Target) => Promise<Composed>,
): Endpoint {
  return sameOriginOnly({
    path,
    method: 'post',
    handler: async (req: PayloadRequest) => {
      const refusal = staffRefusal(req, roles)
      if (refusal) return refusal
      const t = words(req)
      const user = req.user as { id: number; email?: string | null; name?: string | null }
      if (!user.email) return refuse(409, t('noAddress'))
      const target = await readTarget(req, withCollection)
      if (typeof target === 'string') return refuse(400, t('badRequest', { needs: target }))
      const composed = await compose(req, target)
      if (composed instanceof Response) return composed
      const waitMs = await testSendWait(req.payload, user.id)
      if (waitMs > 0) {
        const seconds = Math.ceil(waitMs / 1000)
        const answer = refuse(429, t('tooMany', { seconds }))
        answer.headers.set('Retry-After', String(seconds))
        return answer
      }
      try {
        const { providerId } = await sendTestMessage(req.payload, {
          message: composed.message,
          locale: composed.locale,
          staff: { id: user.id, email: user.email, name: user.name || user.email },
          source: { collection: target.collection ?? 'dispatches', id: target.id, label: composed.label },
        })
        const language = localeInfo(composed.locale).nativeLabel
        return Response.json(
          { message: t('sent', { to: user.email, language }), to: user.email, locale: composed.locale, providerId },
          { headers: privateHeaders },
        )
      } catch (error) {
        if (!(error instanceof TestSendFailed)) throw error
        return refuse(502, t('failed', { reason: error.message }))
      }
    },
  })
}

/** POST /api/test-send/publication {collection, id, locale?}: the draft's subscriber e-mail, to me. Any staff role. */
const publicationTest = testSendEndpoint('/test-send/publication', anyStaff, true, composePublicationPreview)

/** POST /api/test-send/dispatch {id, locale?}: an institution's e-mail of this dispatch, to me. Admins and editors. */
const dispatchTest = testSendEndpoint('/test-send/dispatch', publishers, false, composeDispatchPreview)

export const testSendEndpoints: Endpoint[] = [publicationTest, dispatchTest]
