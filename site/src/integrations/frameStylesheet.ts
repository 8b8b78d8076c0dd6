import { frameCss } from '@pressroom/shared/look'
import type { AstroUserConfig } from 'astro'

type VitePlugins = NonNullable<NonNullable<AstroUserConfig['vite']>['plugins']>

/** What the layout imports to get the shared frame stylesheet (shared/src/look.ts). */
export const frameStylesheetId = 'pressroom:frame.css'
// Ends in .css and has no \0 prefix, so Vite's CSS pipeline bundles it like any stylesheet file.
const resolvedId = '/@pressroom/frame.css'

/**
 * The press room's frame (colours, fonts, header, footer) as a stylesheet module: the CMS writes
 * the same text into its reader pages, so both look alike from one source. Registered by the
 * static build (astro.config.ts) and the preview build (astro.preview.config.ts).
 */
export function frameStylesheet(): VitePlugins[number] {
  return {
    name: 'pressroom-frame-stylesheet',
    resolveId: (id) => (id === frameStylesheetId ? resolvedId : undefined),
    load: (id) => (id === resolvedId ? frameCss : undefined),
  }
}
