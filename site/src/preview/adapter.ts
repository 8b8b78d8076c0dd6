/**
 * The preview's Astro adapter: the server build exports one `render(request, locals)` that
 * answers a Web Request with a Web Response, which the CMS's preview route calls after it has
 * checked the signature and read the draft (docs/adr/0037-previews.md). Nothing here listens on
 * a port; only the CMS reaches it.
 */
import type { AstroIntegration } from 'astro'

export function previewAdapter(): AstroIntegration {
  return {
    name: 'pressroom-preview',
    hooks: {
      'astro:config:done': ({ setAdapter }) => {
        setAdapter({
          name: 'pressroom-preview',
          entrypointResolution: 'auto',
          serverEntrypoint: new URL('./entry.ts', import.meta.url),
          adapterFeatures: { buildOutput: 'server' },
          supportedAstroFeatures: {
            serverOutput: 'stable',
            staticOutput: 'stable',
            hybridOutput: 'stable',
            sharpImageService: 'unsupported',
          },
        })
      },
    },
  }
}
