import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'

export type PageWeight = {
  /** The page's path inside the site. */
  page: string
  htmlBytes: number
  htmlGzip: number
  /** The stylesheets the page links to, each gzipped on its own (as a server sends them). */
  cssFiles: string[]
  cssGzip: number
  totalGzip: number
  /** `<script>` elements other than JSON-LD data: none may be needed to read the page. */
  scripts: string[]
  /** Other resources the page pulls in (preloads, module scripts, fonts) beyond its stylesheets. */
  otherResources: string[]
}

const gzip = (bytes: Buffer | string) => gzipSync(bytes, { level: 6 }).byteLength

/** The file in the build output behind a URL path the page uses (the base path removed). */
function outputFile(outDir: string, basePath: string, href: string): string | undefined {
  if (/^[a-z]+:|^\/\//i.test(href)) return undefined
  const pathOnly = href.split(/[?#]/)[0] ?? ''
  const base = basePath.replace(/\/$/, '')
  const inside = pathOnly.startsWith(`${base}/`) ? pathOnly.slice(base.length) : pathOnly
  const file = path.join(outDir, decodeURIComponent(inside))
  return existsSync(file) ? file : undefined
}

/**
 * What a reader downloads to read one page: its HTML and the CSS it links to, gzipped (level 6,
 * what common servers use), and whether any script other than JSON-LD is on it.
 */
export function measurePageWeight(outDir: string, pagePath: string, basePath = '/'): PageWeight {
  const htmlFile = path.join(outDir, pagePath, 'index.html')
  const html = readFileSync(htmlFile, 'utf8')
  const cssFiles: string[] = []
  let cssGzip = 0
  const otherResources: string[] = []
  for (const [tag] of html.matchAll(/<link\b[^>]*>/g)) {
    const rel = /\brel="([^"]*)"/.exec(tag)?.[1] ?? ''
    const href = /\bhref="([^"]*)"/.exec(tag)?.[1]
    if (!href) continue
    if (rel.split(/\s+/).includes('stylesheet')) {
      const file = outputFile(outDir, basePath, href)
      if (!file) throw new Error(`${pagePath} links to the stylesheet ${href}, which is not in the build`)
      cssFiles.push(href)
      cssGzip += gzip(readFileSync(file))
    } else if (/\b(preload|modulepreload|prefetch)\b/.test(rel)) otherResources.push(href)
  }
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)]
    .map(([tag]) => tag)
    .filter((tag) => !/\btype="application\/ld\+json"/.test(tag))
  const htmlGzip = gzip(html)
  return {
    page: pagePath,
    htmlBytes: Buffer.byteLength(html),
    htmlGzip,
    cssFiles,
    cssGzip,
    totalGzip: htmlGzip + cssGzip,
    scripts,
    otherResources,
  }
}
