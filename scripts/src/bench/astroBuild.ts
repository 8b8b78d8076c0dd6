import { readdirSync } from 'node:fs'
import path from 'node:path'
import { type MeasuredRun, runMeasured } from './processTree.ts'

/**
 * `astro build` through Astro's programmatic API, with the cache directory (content layer store,
 * `data-store.json`) passed in, so a benchmark never touches the developer's own
 * `node_modules/.astro`. The project's astro.config is read as usual; the inline config wins.
 */
export function astroBuild(projectDir: string, cacheDir: string, env: Record<string, string>): Promise<MeasuredRun> {
  const script = [
    "const { build } = await import('astro')",
    'await build({ root: process.cwd(), cacheDir: process.env.BENCH_ASTRO_CACHE_DIR, logLevel: "info" })',
    'process.exit(0)',
  ].join('\n')
  // `--input-type=module -e` resolves `astro` from the project directory, as `astro build` would.
  return runMeasured(process.execPath, ['--input-type=module', '-e', script], {
    cwd: projectDir,
    env: { ...process.env, ...env, BENCH_ASTRO_CACHE_DIR: cacheDir, ASTRO_TELEMETRY_DISABLED: '1' },
  })
}

/** Files other than pages, feeds, Pagefind's index and bundled assets, counted by extension. */
export function otherOutputs(outDir: string): Record<string, number> {
  const counts: Record<string, number> = {}
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      const relative = path.relative(outDir, full)
      if (entry.isDirectory()) {
        if (relative !== 'pagefind' && relative !== '_astro') walk(full)
      } else if (!/\.(html|xml|json|txt)$/.test(entry.name)) {
        const extension = path.extname(entry.name).toLowerCase() || '(none)'
        counts[extension] = (counts[extension] ?? 0) + 1
      }
    }
  }
  walk(outDir)
  return counts
}

/** What a route wrote: pages and feeds, without Pagefind's index, the sitemap, or bundled assets. */
export function routeOutputs(outDir: string): string[] {
  const found: string[] = []
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      const relative = path.relative(outDir, full)
      if (entry.isDirectory()) {
        if (relative !== 'pagefind' && relative !== '_astro') walk(full)
      } else if (/\.(html|xml|json|txt)$/.test(entry.name) && !/^sitemap.*\.xml$/.test(relative)) {
        found.push(relative)
      }
    }
  }
  walk(outDir)
  return found.sort()
}
