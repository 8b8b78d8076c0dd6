import mdx from '@astrojs/mdx'
import sitemap from '@astrojs/sitemap'
import { defineConfig } from 'astro/config'

export default defineConfig({
  site: 'http://localhost:4321',
  outDir: process.env.BARE_OUT_DIR || 'dist',
  trailingSlash: 'always',
  // The default (one page at a time) unless the benchmark asks for the site's own setting.
  build: { format: 'directory', concurrency: Number(process.env.BARE_CONCURRENCY || 1) },
  devToolbar: { enabled: false },
  integrations: [mdx(), sitemap({ filter: (url) => !url.includes('/404/') })],
})
