import { cmsUrl } from '../config.ts'

/** A problem with the CMS or its content that the build cannot go past; the message says what to fix. */
export class CmsError extends Error {
  override name = 'CmsError'
}

export type Query = Record<string, string | number | boolean | undefined>

export function cmsApiUrl(path: string, query: Query = {}): string {
  const url = new URL(`${cmsUrl}/api/${path.replace(/^\/+/, '')}`)
  for (const [key, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(key, String(value))
  return url.toString()
}

/**
 * Answers asked for ahead of time (`cmsPrefetch`), each taken once by the `cmsGet` that asks the
 * same URL. The build's integration prefetches while Astro starts, and the content loaders run
 * in another module instance (Vite's), so the two share a global map.
 */
const prefetchedKey = Symbol.for('pressroom.cmsPrefetched')
const shared = globalThis as { [prefetchedKey]?: Map<string, Promise<unknown>> }
shared[prefetchedKey] ??= new Map()
const early = shared[prefetchedKey]

/** Starts a GET now; the `cmsGet` of the same path and query later gets its answer (or its error). */
export function cmsPrefetch<T>(path: string, query: Query = {}): Promise<T> {
  const url = cmsApiUrl(path, query)
  let answer = early.get(url) as Promise<T> | undefined
  if (!answer) {
    answer = fetchJson<T>(url)
    // The error is for whoever takes the answer; an answer nobody takes must not crash the build.
    answer.catch(() => {})
    early.set(url, answer)
  }
  return answer
}

/** Drops answers nobody took (the loaders have run): they are not kept for the rest of the build. */
export function forgetPrefetched() {
  early.clear()
}

/** GET from the CMS as an anonymous reader would: no credentials, published content only. */
export async function cmsGet<T>(path: string, query: Query = {}): Promise<T> {
  const url = cmsApiUrl(path, query)
  const prefetched = early.get(url) as Promise<T> | undefined
  if (prefetched) {
    early.delete(url)
    return prefetched
  }
  return fetchJson<T>(url)
}

async function fetchJson<T>(url: string): Promise<T> {
  let response: Response
  try {
    response = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(60_000) })
  } catch (error) {
    const cause = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : error
    throw new CmsError(
      `Cannot reach the CMS at ${cmsUrl} (${String(cause)}). Start it (\`./pressroom start\`) or set CMS_URL to the address it listens on.`,
    )
  }
  const text = await response.text()
  if (!response.ok) {
    throw new CmsError(
      `The CMS answered ${response.status} ${response.statusText} to GET ${url}: ${text.slice(0, 500)}`,
    )
  }
  try {
    return JSON.parse(text) as T
  } catch {
    throw new CmsError(`The CMS answered GET ${url} with something that is not JSON: ${text.slice(0, 200)}`)
  }
}

export type ListPage<T> = { docs: T[]; hasNextPage: boolean; nextPage?: number | null }

/** The query of one page of a list: the same URL for `cmsGetAll` and for a prefetch of its first page. */
export function listQuery(query: Query, pageLimit: number, page: number): Query {
  return { ...query, limit: pageLimit, page }
}

/** Every document of a list query, page by page. */
export async function cmsGetAll<T>(collection: string, query: Query = {}, pageLimit = 100): Promise<T[]> {
  const docs: T[] = []
  for (let page = 1; ; page++) {
    const result = await cmsGet<ListPage<T>>(collection, listQuery(query, pageLimit, page))
    if (!Array.isArray(result.docs)) throw new CmsError(`GET /api/${collection} did not return a list of documents.`)
    docs.push(...result.docs)
    if (!result.hasNextPage) return docs
  }
}

/** Downloads a file the CMS serves (media, document files). */
export async function cmsDownload(url: string): Promise<Uint8Array> {
  const absolute = new URL(url, `${cmsUrl}/`).toString()
  let response: Response
  try {
    response = await fetch(absolute, { signal: AbortSignal.timeout(120_000) })
  } catch (error) {
    throw new CmsError(`Cannot download ${absolute} from the CMS (${error instanceof Error ? error.message : error}).`)
  }
  if (!response.ok) throw new CmsError(`The CMS answered ${response.status} to GET ${absolute}.`)
  return new Uint8Array(await response.arrayBuffer())
}
