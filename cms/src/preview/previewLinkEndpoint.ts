import { APIError, type Endpoint, type PayloadRequest } from 'payload'
import { roleOf } from '../access/roles.ts'
import { previewSecurityHeaders } from '../http/pagePolicy.ts'
import { adminT } from '../i18n/admin/adminT.ts'
import { requirePayloadSecret } from '../secrets/payloadSecret.ts'
import { previewSubject } from './subject.ts'
import { previewPath, signPreviewToken } from './token.ts'

/** Where the admin's Preview button goes: this endpoint, which signs a fresh link for staff. */
export const previewLinkPath = (collection: string, id: string | number, locale: string) =>
  `/api/preview-link/${collection}/${id}/${locale}`

/**
 * GET /api/preview-link/<collection>/<id>/<locale>: for any staff member (translators preview
 * their translations too), a redirect to a freshly signed preview link that works for an hour
 * (docs/adr/0037-previews.md). Signing here, not when the edit view renders, keeps the button
 * working however long the view stays open.
 */
export const previewLinkEndpoint: Endpoint = {
  path: '/preview-link/:collection/:id/:locale',
  method: 'get',
  handler: async (req: PayloadRequest) => {
    const words = adminT(req.i18n.t, 'preview')
    if (!req.user) throw new APIError(words('signIn'), 401, undefined, true)
    if (roleOf(req.user) === null) throw new APIError(words('staffOnly'), 403, undefined, true)
    const params = req.routeParams ?? {}
    const subject = previewSubject(params.collection, params.id, params.locale)
    if (!subject) throw new APIError(words('unknown'), 404, undefined, true)
    const token = signPreviewToken(requirePayloadSecret(), subject)
    return new Response(null, { status: 302, headers: { ...previewSecurityHeaders(), Location: previewPath(token) } })
  },
}

/** `admin.preview` of every previewable collection: the Preview button, in the language being edited. */
export function previewButton(collection: string) {
  return (doc: Record<string, unknown>, { locale }: { locale: string }) =>
    doc.id === undefined || doc.id === null ? null : previewLinkPath(collection, String(doc.id), locale)
}
