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

/** Every file a build wrote, relative to its output, without Pagefind's index and bundled assets. */
export function builtFiles(outDir: string): string[] {
  const found: string[] = []
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const relative = path.relative(outDir, path.join(dir, entry.name))
      if (!entry.isDirectory()) found.push(relative)
      else if (relative !== 'pagefind' && relative !== '_astro') walk(path.join(dir, entry.name))
    }
  }
  walk(outDir)
  return found.sort()
}

const isRouteOutput = (file: string) => /\.(html|xml|json|txt)$/.test(file)

/** What routes wrote: pages and feeds, without the sitemap. */
export function routeOutputs(files: string[]): string[] {
  return files.filter((file) => isRouteOutput(file) && !/^sitemap.*\.xml$/.test(file))
}

/** Files other than pages and feeds (PDFs, ZIPs, media…), counted by extension. */
export function otherOutputs(files: string[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const file of files.filter((f) => !isRouteOutput(f))) {
    const extension = path.extname(file).toLowerCase() || '(none)'
    counts[extension] = (counts[extension] ?? 0) + 1
  }
  return counts
}
