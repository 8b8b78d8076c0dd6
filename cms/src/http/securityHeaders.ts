/**
 * The security headers of every CMS answer (docs/adr/0032): admin, REST and GraphQL API, and the
 * pages the CMS serves to readers (which replace the Content-Security-Policy with their own
 * stricter one, src/http/pagePolicy.ts). The CMS server (src/server/main.ts) applies them, so it
 * imports nothing of the CMS here.
 *
 * Components added to the admin must work under `adminContentSecurityPolicy`: scripts from the
 * CMS's own origin (or inline with the request's nonce, which Next adds to its own scripts), no
 * eval, no other origin for scripts, styles, images, fonts or requests.
 */
import { randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { permissionsPolicy } from '@pressroom/shared/permissions-policy'

/**
 * - script-src: Next's bundles from the CMS and its inline boot scripts, which carry the nonce.
 * - style-src 'unsafe-inline': React `style` props (Payload's and ours) are style attributes,
 *   which no nonce or hash can allow, and Payload renders or inserts `<style>` elements without a
 *   nonce (its `@layer` order, the modal container, the logo). Inline style cannot run code;
 *   scripts stay strict. Measured in Chromium (docs/adr/0032).
 * - img-src data: blob:: Payload's default avatar and icons are data URLs; upload previews are
 *   blob URLs of the file being chosen.
 */
export function adminContentSecurityPolicy(nonce: string, https: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "media-src 'self' blob:",
    "worker-src 'self' blob:",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ')
}

/** The headers besides the Content-Security-Policy. HSTS only when the CMS's public URL is HTTPS. */
export function cmsSecurityHeaders(https: boolean): Record<string, string> {
  return {
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    // Same-origin only: a sign-in page's or a token page's address never reaches another site.
    'Referrer-Policy': 'same-origin',
    'Permissions-Policy': permissionsPolicy,
    'Cross-Origin-Opener-Policy': 'same-origin',
    ...(https ? { 'Strict-Transport-Security': 'max-age=31536000' } : {}),
  }
}

/** Whether the CMS is reached over HTTPS: its public URL (`CMS_URL`, Payload's serverURL) says so. */
export function servedOverHttps(cmsUrl = process.env.CMS_URL): boolean {
  return /^https:\/\//i.test(cmsUrl?.trim() ?? '')
}

/**
 * Gives the request a fresh nonce (Next reads it from the request's Content-Security-Policy
 * header and puts it on the scripts it renders) and makes every header above the response's
 * default: a header the route set itself (a public page's stricter policy) is kept.
 */
export function applySecurityHeaders(request: IncomingMessage, response: ServerResponse, https: boolean): void {
  const policy = adminContentSecurityPolicy(randomBytes(16).toString('base64'), https)
  // Replaces whatever the client sent, so no client can choose the nonce.
  request.headers['content-security-policy'] = policy
  delete request.headers['content-security-policy-report-only']
  const defaults: Record<string, string> = { 'Content-Security-Policy': policy, ...cmsSecurityHeaders(https) }
  const writeHead = response.writeHead
  // Node sends headers through writeHead, also when the route only calls write() or end().
  response.writeHead = function (this: ServerResponse, ...args: Parameters<typeof writeHead>) {
    for (const [name, value] of Object.entries(defaults)) {
      if (!this.hasHeader(name)) this.setHeader(name, value)
    }
    return writeHead.apply(this, args)
  } as typeof writeHead
}
