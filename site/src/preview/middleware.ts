/**
 * Every preview render runs inside its own content (src/preview/content.ts) and its own cache
 * scope (lib/buildScope.ts): two previews rendering at once never see each other's drafts. Its
 * links (src/preview/links.ts) are its own too: they carry its preview link.
 */
import { defineMiddleware } from 'astro:middleware'
import { setPreviewScope } from '../lib/buildScope.ts'
import { setPreviewLinks } from '../lib/urls.ts'
import { renderContent } from './content.ts'
import { type PreviewInput, previewCollections } from './input.ts'
import { previewLinks } from './links.ts'

setPreviewScope(() => renderContent.getStore())
setPreviewLinks(() => renderContent.getStore()?.links)

export const onRequest = defineMiddleware((context, next) => {
  const input = (context.locals as { preview?: PreviewInput }).preview
  if (!input) return new Response('Not found', { status: 404 })
  return renderContent.run({ collections: previewCollections(input), links: previewLinks(input.links) }, next)
})
