import { createHash } from 'node:crypto'

/**
 * The Content-Security-Policy of a page the CMS serves to readers (subscription pages, the
 * acknowledgement page): server-rendered HTML with no script at all and one `<style>` block, so
 * nothing runs, only that exact style applies (by its hash), and its forms post back to the CMS.
 * Stricter than the admin's (src/http/securityHeaders.ts), which it replaces (docs/adr/0032).
 */
export function pageContentSecurityPolicy(html: string): string {
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map(
    (match) =>
      `'sha256-${createHash('sha256')
        .update(match[1] ?? '')
        .digest('base64')}'`,
  )
  return [
    "default-src 'none'",
    `style-src ${styles.length > 0 ? styles.join(' ') : "'none'"}`,
    "img-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ')
}

/**
 * The security headers of a reader's page (src/http/publicPage.ts sends them), over the CMS's
 * defaults: its own policy, no referrer (its URL may hold a token), and no type sniffing also
 * under `next start`, where the CMS's server does not add its defaults.
 */
export function pageSecurityHeaders(html: string): Record<string, string> {
  return {
    'Content-Security-Policy': pageContentSecurityPolicy(html),
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
  }
}

/**
 * The headers of a page preview (src/preview/, docs/adr/0037-previews.md) and of its refusals: a
 * draft is never indexed, cached or referred to. The page is the site's own HTML: its stylesheet
 * and fonts come from the CMS (`/preview/assets/`); no script runs (its JSON-LD is data).
 */
export function previewSecurityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': [
      "default-src 'none'",
      "style-src 'self'",
      "font-src 'self'",
      "img-src 'self'",
      "base-uri 'none'",
      "form-action 'none'",
      "frame-ancestors 'none'",
    ].join('; '),
    'X-Robots-Tag': 'noindex, nofollow',
    'Cache-Control': 'private, no-store',
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
  }
}
