import { existsSync, readFileSync, realpathSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { localeCodes } from '@pressroom/shared'
import { headerRuleMatches, parseHeadersFile } from '@pressroom/shared/headers-file'
import compression from 'compression'
import sirv from 'sirv'
import { matchRefPath, refRedirect } from './refRedirect.ts'

export type SiteServerOptions = {
  /** The `live` symlink; every request goes through it, so a new release is served at once. */
  liveDir: string
  /** The site's sub-path, e.g. `/` or `/pressroom/`. */
  base: string
  port: number
  host?: string
}

export type RunningSiteServer = { server: Server; url: string; close: () => Promise<void> }

/** `/pressroom` → `/pressroom/`; `` → `/`. */
export function normalizeBase(base: string): string {
  const trimmed = base.trim().replace(/^\/+|\/+$/g, '')
  return trimmed ? `/${trimmed}/` : '/'
}

/** Until a release with its own `_headers` is live (a build from before they existed, or none yet). */
const fallbackHeaders: Record<string, string> = {
  'Content-Security-Policy': "default-src 'self'; object-src 'none'; frame-ancestors 'none'",
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
}

/**
 * The security headers the live release's build wrote into its `_headers` file (for static hosts;
 * site/src/lib/securityHeaders.ts), read once per release: a release folder never changes.
 */
function releaseHeaders(liveDir: string) {
  let release = ''
  let rules: ReturnType<typeof parseHeadersFile> = []
  return (urlPath: string): Record<string, string> => {
    let current: string
    try {
      current = realpathSync(liveDir)
    } catch {
      return fallbackHeaders
    }
    if (current !== release) {
      const file = path.join(current, '_headers')
      rules = existsSync(file) ? parseHeadersFile(readFileSync(file, 'utf8')) : []
      release = current
    }
    const matching = rules.filter((rule) => headerRuleMatches(rule.path, urlPath))
    if (matching.length === 0) return fallbackHeaders
    // nosniff whatever the file says: static files are served by their extension only.
    return Object.assign({ 'X-Content-Type-Options': 'nosniff' }, ...matching.map((rule) => rule.headers))
  }
}

/**
 * Serves the built site as a static file server: directory index, content types, ETags, gzip,
 * no cookies, the security headers of the release's `_headers` file, and each language's own 404 page (`/en/…` → `en/404/index.html`, elsewhere the
 * bilingual `404.html`) with status 404.
 */
export function startSiteServer(options: SiteServerOptions): Promise<RunningSiteServer> {
  const base = normalizeBase(options.base)
  const liveDir = path.resolve(options.liveDir)
  // dev: look each file up on disk per request (no start-up index), so a switched release shows at once.
  const files = sirv(liveDir, { dev: true, etag: true, dotfiles: false, onNoMatch: (req, res) => notFound(req, res) })
  const compress = compression()
  const headersFor = releaseHeaders(liveDir)

  async function notFound(req: IncomingMessage, res: ServerResponse) {
    const sitePath = (req.url ?? '/').split('?')[0] ?? '/'
    const language = localeCodes.find((code) => sitePath === `/${code}` || sitePath.startsWith(`/${code}/`))
    const page = language ? path.join(liveDir, language, '404', 'index.html') : path.join(liveDir, '404.html')
    const html = await readFile(page).catch(() => null)
    res.statusCode = 404
    if (html) {
      res.setHeader('Content-Type', 'text/html; charset=utf-8')
      res.end(html)
    } else {
      res.setHeader('Content-Type', 'text/plain; charset=utf-8')
      res.end(
        existsSync(liveDir)
          ? 'Not found / Не найдено\n'
          : 'The site has not been built yet: see the output of the start command and the Site builds list in the admin.\n',
      )
    }
  }

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const sitePath = (req.url ?? '/').split('?')[0] ?? '/'
    const inside = base !== '/' && sitePath.startsWith(base) ? sitePath.slice(base.length - 1) : sitePath
    for (const [name, value] of Object.entries(headersFor(inside))) res.setHeader(name, value)
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' })
      res.end('Method not allowed: the site is static.\n')
      return
    }
    const url = req.url ?? '/'
    if (base !== '/') {
      if (url === '/' || url === base.slice(0, -1)) {
        res.writeHead(302, { Location: base })
        res.end()
        return
      }
      if (!url.startsWith(base)) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' })
        res.end(`Not found. The site is at ${base}\n`)
        return
      }
      // The file server sees paths relative to the site's root.
      req.url = url.slice(base.length - 1)
    }
    // Instructions for the server, not a page: static hosts do not serve it either.
    if (/^\/(_|%5f)headers\/?$/i.test(inside)) {
      void notFound(req, res)
      return
    }
    // A short link answers as a redirect here; on any other host its page redirects (docs/adr/0047).
    if (matchRefPath(inside)) {
      void refRedirect(liveDir, inside, req.headers['accept-language']).then((location) => {
        if (!location) return compress(req as never, res as never, () => files(req, res))
        res.writeHead(302, { Location: location, Vary: 'Accept-Language', 'Cache-Control': 'no-cache' })
        res.end()
      })
      return
    }
    compress(req as never, res as never, () => files(req, res))
  }

  const server = createServer(handle)
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(
              `Port ${options.port} is already in use, so the site cannot be served. Set SITE_PORT to a free port.`,
            )
          : error,
      )
    })
    server.listen(options.port, options.host, () => {
      const { port } = server.address() as AddressInfo
      resolve({
        server,
        url: `http://localhost:${port}${base}`,
        close: () => new Promise((done) => server.close(() => done())),
      })
    })
  })
}
