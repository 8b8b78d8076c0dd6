/**
 * `astro:content` inside a preview render (astro.preview.config.ts points the import here): the
 * collections of the render in progress, which src/preview/middleware.ts built from what the CMS
 * handed over. The site's pages and lib/content.ts read them unchanged.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import type { Entry } from './input.ts'
import type { PreviewLinks } from './links.ts'

export type RenderContent = { collections: Map<string, Entry[]>; links: PreviewLinks }

export const renderContent = new AsyncLocalStorage<RenderContent>()

export async function getCollection(name: string): Promise<Entry[]> {
  const content = renderContent.getStore()
  if (!content) throw new Error('A preview page rendered outside its middleware (src/preview/middleware.ts).')
  return content.collections.get(name) ?? []
}

/** Types only: the built site's `astro:content` gives them; the preview never reads them. */
export type CollectionEntry<_C extends string> = { id: string; data: never }

/** The links of the render in progress (src/preview/links.ts). */
export function renderLinks(): PreviewLinks {
  const content = renderContent.getStore()
  if (!content) throw new Error('A preview page rendered outside its middleware (src/preview/middleware.ts).')
  return content.links
}
