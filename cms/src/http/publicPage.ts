import { type Locale, localeHomePath, privacyPath } from '@pressroom/shared'
import { frameCss } from '@pressroom/shared/look'
import { Html, html } from './html.ts'
import { pageSecurityHeaders } from './pagePolicy.ts'

/**
 * The one frame of the pages the CMS serves to readers and institutions (the subscription pages,
 * the acknowledgement page): server-rendered, no script, kept out of search engines. They look
 * like the site a reader came from — its stylesheet's frame (shared/src/look.ts: colours, fonts,
 * header with the organization's name, footer) — and lead back to it: its home in the page's
 * language and its privacy notice. Their addresses carry tokens, so every answer has the same
 * headers: the page's strict policy (pagePolicy.ts), no caching, no referrer, no indexing.
 */
export type PublicPage = {
  lang: Locale
  /** The document title, as text. */
  title: string
  /** The page's own CSS after the shared frame, in the one `<style>` block the policy allows by its hash. */
  stylesheet: string
  body: Html
  /** The way back to the site, in `lang` (src/i18n/reader/frame.ts builds it). */
  site: FrameSite
}

/** The public site (SITE_URL or site settings, no trailing slash), the organization's name and the frame's words. */
export type FrameSite = { url: string; name: string; tagline: string; home: string; privacy: string }

/** A path of the site (shared/src/urls.ts) as an address on the public site. */
const onSite = (site: FrameSite, path: string) => `${site.url}${path}`

export function renderPublicPage({ lang, title, stylesheet, body, site }: PublicPage): string {
  const home = onSite(site, localeHomePath(lang))
  return html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${title}</title>
<style>${new Html(frameCss + stylesheet)}</style>
</head>
<body>
<header class="site"><div class="brand"><a class="name" href="${home}">${site.name}<span class="tagline">${site.tagline}</span></a></div></header>
<main id="content">${body}</main>
<footer class="site"><ul class="inline-list">
<li><a href="${home}">${site.home}</a></li>
<li><a href="${onSite(site, privacyPath(lang))}">${site.privacy}</a></li>
</ul></footer>
</body>
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
