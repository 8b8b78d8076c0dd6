import mdx from '@astrojs/mdx'
import sitemap from '@astrojs/sitemap'
import { localeCodes } from '@pressroom/shared'
import { defineConfig } from 'astro/config'
import { astroCacheDir, basePath, outDir, siteUrl } from './src/config.ts'
import { frameStylesheet } from './src/integrations/frameStylesheet.ts'
import { insideBase, pageLinks, pressroom } from './src/integrations/pressroom.ts'

/** The page's build-time links, found by its public URL. */
function linksOf(url: string) {
  return pageLinks.get(insideBase(new URL(url).pathname, basePath))
}

export default defineConfig({
  site: siteUrl,
  base: basePath,
  outDir,
  ...(astroCacheDir ? { cacheDir: astroCacheDir } : {}),
  trailingSlash: 'always',
  // Several pages in flight: while one page's file is written, the next renders (ADR 0021).
  // Stylesheets stay files: the site's CSP allows no inline style (src/lib/securityHeaders.ts).
  build: { format: 'directory', concurrency: 8, inlineStylesheets: 'never' },
  // A page whose cacheKey (src/lib/cacheKeys.ts) and code are unchanged is copied from the last
  // build's cache instead of rendered (docs/adr/0051-incremental-site-builds.md).
  experimental: { incrementalBuild: true },
  devToolbar: { enabled: false },
  prefetch: false,
  // Node loads the editions module itself (ADR 0013, "On the site"): pdfkit and the font files resolve from
  // @pressroom/shared's own node_modules, and its fingerprint reads its own source files.
  vite: {
    plugins: [frameStylesheet()],
    build: { rolldownOptions: { external: ['@pressroom/shared/editions', '@pressroom/shared/cards'] } },
  },
  integrations: [
    mdx(),
    // Before the sitemap: it reads what this one collects.
    pressroom(),
    sitemap({
      // Only pages that are their own canonical version and may be indexed (no fallbacks, no 404s).
      filter: (url) => {
        const links = linksOf(url)
        return !!links && !links.noindex && links.canonical === url
      },
      serialize: (item) => {
        const links = linksOf(item.url)
        const alternates = (links?.alternates ?? []).filter(
          (a) => a.lang === 'x-default' || (localeCodes as readonly string[]).includes(a.lang),
        )
        return { ...item, links: alternates.length > 1 ? alternates : undefined }
      },
    }),
  ],
})
