/**
 * The CMS's own public address (CMS_URL) and what follows from it (docs/adr/0033): Payload's
 * `serverURL`, its `csrf` and `cors` lists (a session cookie counts only on requests from these
 * origins), and whether the session cookie is `Secure`. `./pressroom start` always sets CMS_URL.
 */
import type { Payload } from 'payload'

/** CMS_URL without a trailing slash, or undefined when unset; a malformed one stops the start. */
export function cmsServerUrl(value = process.env.CMS_URL): string | undefined {
  if (!value) return undefined
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new Error(
      `CMS_URL="${value}" is not an absolute URL. Set it to the CMS's public address, e.g. https://cms.example.org.`,
    )
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`CMS_URL="${value}" must start with https:// (or http:// on this machine).`)
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`
}

const loopbackNames = ['localhost', '127.0.0.1', '[::1]']

/**
 * The origins browsers show for the CMS: its public one, and on this machine the other names of
 * loopback too (the admin opened at 127.0.0.1 while CMS_URL says localhost still signs in).
 */
export function cmsOrigins(value = process.env.CMS_URL): string[] {
  const serverUrl = cmsServerUrl(value)
  if (!serverUrl) return []
  const url = new URL(serverUrl)
  if (!loopbackNames.includes(url.hostname)) return [url.origin]
  const port = url.port ? `:${url.port}` : ''
  return loopbackNames.map((name) => `${url.protocol}//${name}${port}`)
}

/** Over HTTPS the session cookie is never sent over plain HTTP. */
export const sessionCookieSecure = (value = process.env.CMS_URL): boolean =>
  cmsServerUrl(value)?.startsWith('https:') ?? false

/**
 * The CMS's public address for links in e-mails, pages and staff mail: CMS_URL, else the
 * address staff entered in the site settings (when the caller read them), else this machine.
 */
export function cmsPublicUrl(payload: Payload, fromSettings?: string | null): string {
  return cmsServerUrl() || payload.config.serverURL || fromSettings || `http://localhost:${process.env.PORT ?? 3000}`
}
