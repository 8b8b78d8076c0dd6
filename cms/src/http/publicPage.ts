import type { Locale } from '@pressroom/shared'
import { Html, html } from './html.ts'
import { pageSecurityHeaders } from './pagePolicy.ts'

/**
 * The one frame of the pages the CMS serves to readers and institutions (the subscription pages,
 * the acknowledgement page): server-rendered, no script, one stylesheet of the page's own, kept
 * out of search engines. Their addresses carry tokens, so every answer has the same headers: the
 * page's strict policy (pagePolicy.ts), no caching, no referrer, no indexing.
 */
export type PublicPage = {
  lang: Locale
  /** The document title, as text. */
  title: string
  /** CSS, written into the page as it is (the policy allows exactly this text by its hash). */
  stylesheet: string
  body: Html
}

export function renderPublicPage({ lang, title, stylesheet, body }: PublicPage): string {
  return html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${title}</title>
<style>${new Html(stylesheet)}</style>
</head>
<body>${body}</body>
</html>
`.value
}

/** A rendered page as the answer; `headers` adds the route's own (CORS, Retry-After). */
export function publicPageResponse(page: string, status: number, headers: Record<string, string> = {}): Response {
  return new Response(page, {
    status,
    headers: {
      ...headers,
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Robots-Tag': 'noindex, nofollow',
      ...pageSecurityHeaders(page),
    },
  })
}
