import type { Payload } from 'payload'
import { pageSecurityHeaders } from '../http/pagePolicy.ts'
import { firstValue, readPublicForm } from '../http/readPublicForm.ts'
import { cachedMailSettings } from '../mail/index.ts'
import { advanceKit, advancePdf } from './files.ts'
import { logLinkEvent, recordTermsAccepted } from './linkLog.ts'
import { renderAdvancePage, renderTermsPage } from './page.ts'
import { publicReleaseUrl } from './release.ts'
import { resolveLink } from './resolveLink.ts'
import { advancePath } from './token.ts'

/** What every answer of an advance link carries: never indexed, cached or referred to (as a preview). */
const privateHeaders = {
  'X-Robots-Tag': 'noindex, nofollow',
  'Cache-Control': 'private, no-store',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
}

/**
 * The one answer for every link that shows nothing: malformed, forged, expired, revoked, naming
 * another row, or its release gone. Nobody can tell them apart.
 */
export function advanceNotFound(): Response {
  return new Response('Not found', {
    status: 404,
    headers: {
      ...privateHeaders,
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Security-Policy': "default-src 'none'",
    },
  })
}

function page(html: string): Response {
  return new Response(html, {
    status: 200,
    headers: { ...pageSecurityHeaders(html), ...privateHeaders, 'Content-Type': 'text/html; charset=utf-8' },
  })
}

const seeOther = (location: string) =>
  new Response(null, { status: 303, headers: { ...privateHeaders, Location: location } })

/** At and after the instant, every link leads to the public page in its language. */
async function toPublicPage(payload: Payload, locale: Parameters<typeof publicReleaseUrl>[1], slug: string) {
  return seeOther(publicReleaseUrl((await cachedMailSettings(payload)).siteUrl, locale, slug))
}

/**
 * GET /embargoed/<token>: the release (after the terms, when its send asks for them), logged as
 * an open. POST with `accept=yes`: the journalist accepts the terms, then sees the page.
 */
export async function advancePage(
  request: Request,
  token: string,
  getPayload: () => Promise<Payload>,
): Promise<Response> {
  const payload = await getPayload()
  const found = await resolveLink(payload, token)
  if (found.kind === 'none') return advanceNotFound()
  if (found.kind === 'released') return toPublicPage(payload, found.locale, found.slug)
  const { link, release } = found
  const path = advancePath(token)
  if (request.method === 'POST') {
    const form = await readPublicForm(request)
    if (form.ok && firstValue(form.fields.accept) === 'yes')
      await recordTermsAccepted(payload, link.journalist, link.linkId)
    return seeOther(path)
  }
  const settings = await cachedMailSettings(payload)
  if (link.requireTerms && !link.termsAccepted) return page(renderTermsPage(release, link.locale, path, settings))
  await logLinkEvent(payload, link.linkId, 'open')
  return page(renderAdvancePage(release, link.locale, path, settings))
}

/** GET /embargoed/<token>/pdf and /kit: the PDF edition in the link's language, or the press kit; counted. */
export async function advanceDownload(
  token: string,
  what: 'pdf' | 'kit',
  getPayload: () => Promise<Payload>,
): Promise<Response> {
  const payload = await getPayload()
  const found = await resolveLink(payload, token)
  if (found.kind === 'none') return advanceNotFound()
  if (found.kind === 'released') return toPublicPage(payload, found.locale, found.slug)
  const { link, release } = found
  if (link.requireTerms && !link.termsAccepted) return seeOther(advancePath(token))
  await logLinkEvent(payload, link.linkId, what)
  const file =
    what === 'pdf'
      ? await advancePdf(payload, release, link.locale).then(({ pdf, filename }) => ({
          data: pdf,
          filename,
          type: 'application/pdf',
        }))
      : await advanceKit(payload, release).then(({ zip, filename }) => ({
          data: zip,
          filename,
          type: 'application/zip',
        }))
  return new Response(file.data as BodyInit, {
    headers: {
      ...privateHeaders,
      'Content-Type': file.type,
      'Content-Disposition': `attachment; filename="${file.filename}"`,
    },
  })
}
