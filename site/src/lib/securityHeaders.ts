/**
 * The site's security headers (docs/adr/0032), written into the build output as `_headers` for
 * static hosts and served from there by `./pressroom start`'s site server; deploy/ has the same
 * set for nginx and Caddy.
 *
 * The site runs no inline script: search's start-up code is a file (public/scripts/search.js),
 * and JSON-LD is a data block, which browsers never run and CSP does not govern. Styles are
 * files too (`build.inlineStylesheets: 'never'`).
 */
import { formatHeadersFile } from '@pressroom/shared/headers-file'
import { permissionsPolicy } from '@pressroom/shared/permissions-policy'

export type SiteHeaderOptions = {
  /** The public site URL (SITE_URL): HTTPS turns on HSTS and upgrades any stray http: request. */
  siteUrl: string
  /** The CMS address readers' browsers post the subscription form to (PUBLIC_CMS_URL). */
  publicCmsUrl: string
}

/**
 * - script-src 'wasm-unsafe-eval': Pagefind compiles its WebAssembly search engine; this lets
 *   WebAssembly compile, not JavaScript eval.
 * - form-action: the subscription form posts to the CMS.
 */
export function siteContentSecurityPolicy(options: SiteHeaderOptions): string {
  const cmsOrigin = new URL(options.publicCmsUrl).origin
  const https = options.siteUrl.startsWith('https:')
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self' ${cmsOrigin}`,
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ')
}

export function siteSecurityHeaders(options: SiteHeaderOptions): Record<string, string> {
  return {
    'Content-Security-Policy': siteContentSecurityPolicy(options),
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': permissionsPolicy,
    'Cross-Origin-Opener-Policy': 'same-origin',
    ...(options.siteUrl.startsWith('https:') ? { 'Strict-Transport-Security': 'max-age=31536000' } : {}),
  }
}

/** The `_headers` file: one policy for every page, as no page needs its own. */
export function siteHeadersFile(options: SiteHeaderOptions): string {
  return `# Written by the site build (site/src/lib/securityHeaders.ts, docs/adr/0032).\n${formatHeadersFile([
    { path: '/*', headers: siteSecurityHeaders(options) },
  ])}`
}
