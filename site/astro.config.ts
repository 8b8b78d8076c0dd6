import mdx from '@astrojs/mdx'
import sitemap from '@astrojs/sitemap'
import { localeCodes } from '@pressroom/shared'
import { defineConfig } from 'astro/config'
import { astroCacheDir, basePath, outDir, siteUrl } from './src/config.ts'
import { pageLinks, pressroom } from './src/integrations/pressroom.ts'

/** The page's build-time links, found by its public URL. */
function linksOf(url: string) {
  const pathname = new URL(url).pathname
  const inside = pathname.slice(basePath.length).replace(/^\/+/, '')
  return pageLinks.get(`${inside}index.html`) ?? pageLinks.get(inside.replace(/\/$/, '.html'))
}

export default defineConfig({
  site: siteUrl,
  base: basePath,
  outDir,
  ...(astroCacheDir ? { cacheDir: astroCacheDir } : {}),
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  prefetch: false,
  // Node loads the editions module itself (ADR 0013, "On the site"): pdfkit and the font files resolve from
  // @pressroom/shared's own node_modules, and its fingerprint reads its own source files.
  vite: { build: { rolldownOptions: { external: ['@pressroom/shared/editions'] } } },
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
