/**
 * What a page declares in its <head> for search engines: its canonical URL, its real language
 * versions and whether it may be indexed. Pages declare it here as they render, from the same
 * values their tags are written from, and the sitemap is built from it, so the sitemap lists
 * exactly what the pages say. The build integration (src/integrations/pressroom.ts) listens
 * during `astro build`; the pages run inside Astro's bundled code, so the two meet on a global
 * symbol rather than a shared module instance. Outside a build nobody listens.
 */
export type PageLinks = { canonical: string; alternates: { lang: string; url: string }[]; noindex: boolean }

type Listener = (pathname: string, links: PageLinks) => void

const key = Symbol.for('pressroom.pageLinks')
const slot = globalThis as { [key]?: Listener }

/** Called by a page: `pathname` is its URL path as rendered (`Astro.url.pathname`). */
export function declarePageLinks(pathname: string, links: PageLinks) {
  slot[key]?.(pathname, links)
}

export function listenForPageLinks(listener: Listener | undefined) {
  slot[key] = listener
}
