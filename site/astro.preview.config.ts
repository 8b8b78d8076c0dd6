/**
 * The preview build (docs/adr/0037-previews.md): the site's own pages, layouts and styles as a
 * server bundle the CMS calls for one draft at a time. `pnpm --filter @pressroom/site
 * build:preview` writes it to dist-preview/; the static site (astro.config.ts) never contains it.
 */
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'astro/config'
import { frameStylesheet } from './src/integrations/frameStylesheet.ts'
import { previewAdapter } from './src/preview/adapter.ts'

const at = (relative: string) => fileURLToPath(new URL(relative, import.meta.url))

export default defineConfig({
  // A root of its own, so the generated types (.astro/) of this build never replace the site's.
  root: at('./node_modules/.astro-preview/'),
  // Only src/preview/pages: no content config here, so the build reads nothing from the CMS.
  srcDir: at('./src/preview/'),
  publicDir: at('./src/preview/public/'),
  outDir: at('./dist-preview/'),
  cacheDir: at('./node_modules/.astro-preview/cache/'),
  base: '/preview/',
  trailingSlash: 'ignore',
  output: 'server',
  adapter: previewAdapter(),
  image: { service: { entrypoint: 'astro/assets/services/noop' } },
  // `assets`, not `_astro`: Next ignores route folders that start with an underscore.
  build: { format: 'directory', inlineStylesheets: 'never', assets: 'assets' },
  devToolbar: { enabled: false },
  prefetch: false,
  vite: {
    plugins: [frameStylesheet()],
    resolve: { alias: { 'astro:content': at('./src/preview/content.ts') } },
    build: { rolldownOptions: { external: ['@pressroom/shared/editions', '@pressroom/shared/cards'] } },
  },
})
