/**
 * The most bytes a request body may have, by route family, enforced by the CMS's server
 * (src/server/main.ts) before Next, Payload or a route handler reads any of it (docs/adr/0035).
 * Payload reads a JSON body whole, before it checks who is asking; without this cap anyone could
 * make it parse a body of any size. The route handlers keep their own, equal caps (readBodyUpTo),
 * so the limits hold under `next start` too for the public forms and the webhook.
 *
 * Plain Node loads this file (type stripping): it imports nothing that loads the CMS.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { maxCsvBytes, maxUploadBytes } from './uploadLimit.ts'

const kilobytes = 1024
const megabytes = 1024 * 1024

/** Subscription forms and the acknowledgement button: a few fields. */
export const publicFormBytes = 16 * kilobytes
/** One Resend event (Svix signs the whole body, so it is read whole). */
export const webhookBytes = 256 * kilobytes
/** GraphQL queries are small; a deeply nested one is refused by its depth rule, a huge one here. */
export const graphqlBytes = 64 * kilobytes
/** JSON and form bodies of the REST API and the admin (a long document's rich text fits). */
export const apiBytes = (): number => Number(process.env.MAX_REQUEST_BYTES || 2 * megabytes)

/** A whole upload form: the file and room for the form's other fields. */
export const uploadRequestBytes = (): number => maxUploadBytes() + megabytes

/** The upload collections (docs/adr/0015); a test checks this list against the config. */
export const uploadCollections: readonly string[] = ['media', 'documents', 'dispatch-proofs']

export type BodyLimit = { family: { en: string; ru: string }; maxBytes: number }

const families = {
  publicForm: { en: 'subscription and acknowledgement forms', ru: 'формы подписки и подтверждения' },
  webhook: { en: 'the e-mail provider’s webhook', ru: 'уведомления почтового сервиса' },
  graphql: { en: 'GraphQL', ru: 'GraphQL' },
  upload: { en: 'file uploads', ru: 'загрузка файлов' },
  csv: { en: 'recipients CSV import', ru: 'импорт получателей из CSV' },
  api: { en: 'the API', ru: 'API' },
}

/**
 * The cap for a request. Only a multipart body to an upload collection gets the upload size (plus
 * room for the form's other fields); anything else sent there is an ordinary API body.
 */
export function bodyLimitFor(pathname: string, contentType: string): BodyLimit {
  if (['/subscriptions/', '/acknowledge/', '/embargoed/'].some((prefix) => pathname.startsWith(prefix))) {
    return { family: families.publicForm, maxBytes: publicFormBytes }
  }
  if (pathname.startsWith('/mail/webhooks/')) return { family: families.webhook, maxBytes: webhookBytes }
  if (pathname === '/api/graphql') return { family: families.graphql, maxBytes: graphqlBytes }
  const collection = /^\/api\/([^/]+)(?:\/|$)/.exec(pathname)?.[1]
  const multipart = contentType.toLowerCase().startsWith('multipart/form-data')
  if (multipart && collection && uploadCollections.includes(collection)) {
    return { family: families.upload, maxBytes: uploadRequestBytes() }
  }
  if (pathname === '/api/recipients/import') {
    return { family: families.csv, maxBytes: maxCsvBytes() + 64 * kilobytes }
  }
  return { family: families.api, maxBytes: apiBytes() }
}

const size = (bytes: number) =>
  bytes >= megabytes ? `${(bytes / megabytes).toFixed(1)} MB` : `${Math.round(bytes / kilobytes)} KB`

const prefersRussian = (request: IncomingMessage) => /^\s*ru\b/i.test(request.headers['accept-language'] ?? '')

function refuse(request: IncomingMessage, response: ServerResponse, status: number, en: string, ru: string): true {
  const message = prefersRussian(request) ? ru : en
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', connection: 'close' })
  response.end(JSON.stringify({ errors: [{ message }], message }))
  return true
}

/**
 * Answers a request whose body is over its cap (413), or whose length is not declared (411), and
 * says so by returning true; the body is never read. With a Content-Length, Node's parser hands
 * on no more bytes than it declares, so the declared length bounds what is streamed too.
 */
export function refuseOversizeBody(request: IncomingMessage, response: ServerResponse): boolean {
  const pathname = new URL(request.url ?? '/', 'http://localhost').pathname
  const limit = bodyLimitFor(pathname, String(request.headers['content-type'] ?? ''))
  if (request.headers['transfer-encoding'] !== undefined) {
    return refuse(
      request,
      response,
      411,
      `Send the request body with a Content-Length header (at most ${size(limit.maxBytes)} here); bodies of unknown length are not accepted.`,
      `Отправьте тело запроса с заголовком Content-Length (здесь не больше ${size(limit.maxBytes)}); тела неизвестной длины не принимаются.`,
    )
  }
  const declared = Number(request.headers['content-length'] ?? 0)
  if (declared > limit.maxBytes) {
    return refuse(
      request,
      response,
      413,
      `The request body is ${size(declared)}; this address (${limit.family.en}) takes at most ${size(limit.maxBytes)}. Send less, or split it.`,
      `Тело запроса — ${size(declared)}; этот адрес (${limit.family.ru}) принимает не больше ${size(limit.maxBytes)}. Отправьте меньше или разделите.`,
    )
  }
  return false
}
