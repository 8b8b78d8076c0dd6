import { readdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The CMS's own route handlers (every `route.ts` under src/app), routed as Next routes them:
 * route groups `(name)` leave no trace in the URL, `[name]` takes one segment, `[...name]` the
 * rest; static segments win over dynamic ones; a method the route does not export is a 405 and
 * OPTIONS without a handler a 204. Tests reach exactly the handlers the built CMS serves, new
 * ones included, without a Next build.
 */
export type AppRoute = { pattern: string; segments: string[]; handlers: Record<string, unknown> }
type RouteHandler = (request: Request, context: { params: Promise<Record<string, unknown>> }) => Promise<Response>

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../app')

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return routeFiles(full)
    return entry.name === 'route.ts' ? [full] : []
  })
}

export async function appRoutes(): Promise<AppRoute[]> {
  const routes: AppRoute[] = []
  for (const file of routeFiles(appDir)) {
    const segments = path
      .relative(appDir, path.dirname(file))
      .split(path.sep)
      .filter((segment) => segment && !/^\(.*\)$/.test(segment))
    routes.push({ pattern: `/${segments.join('/')}`, segments, handlers: await import(file) })
  }
  // Static before dynamic before catch-all, segment by segment.
  const rank = (segment: string) => (segment.startsWith('[...') ? 2 : segment.startsWith('[') ? 1 : 0)
  return routes.sort((a, b) => {
    for (let i = 0; i < Math.max(a.segments.length, b.segments.length); i++) {
      const difference = rank(a.segments[i] ?? '') - rank(b.segments[i] ?? '')
      if (difference !== 0) return difference
    }
    return b.segments.length - a.segments.length
  })
}

function match(route: AppRoute, parts: string[]): Record<string, unknown> | undefined {
  const params: Record<string, unknown> = {}
  for (const [i, segment] of route.segments.entries()) {
    const catchAll = /^\[\.\.\.(.+)\]$/.exec(segment)
    if (catchAll) {
      if (parts.length <= i) return undefined
      params[catchAll[1]!] = parts.slice(i)
      return params
    }
    const part = parts[i]
    if (part === undefined) return undefined
    const dynamic = /^\[(.+)\]$/.exec(segment)
    if (dynamic) params[dynamic[1]!] = part
    else if (segment !== part) return undefined
  }
  return parts.length === route.segments.length ? params : undefined
}

export function appDispatcher(routes: AppRoute[]): (request: Request) => Promise<Response> {
  return async (request) => {
    let parts: string[]
    try {
      parts = new URL(request.url).pathname.split('/').filter(Boolean).map(decodeURIComponent)
    } catch {
      return new Response('Bad Request', { status: 400 })
    }
    for (const route of routes) {
      const params = match(route, parts)
      if (!params) continue
      const method = request.method === 'HEAD' && !route.handlers.HEAD ? 'GET' : request.method
      const handler = route.handlers[method] as RouteHandler | undefined
      if (handler) return handler(request, { params: Promise.resolve(params) })
      if (method === 'OPTIONS') return new Response(null, { status: 204 })
      return new Response(null, { status: 405 })
    }
    return new Response('Not Found', { status: 404 })
  }
}
