/**
 * Hugo as the limit (issue 17): the same document pages and lists built by Debian's `hugo` from the
 * snapshot the plain Astro baseline reads. "Cold" is a fresh project with an empty cache
 * directory; "again" a second run of the same project into a fresh output directory: Hugo keeps
 * no build state between runs (it has no incremental build outside `hugo server`), so this only
 * shows what its file cache and the operating system's page cache give.
 */
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { builtFiles, routeOutputs } from './astroBuild.ts'
import type { Snapshot } from './bareAstro.ts'
import { writeHugoProject } from './hugoProject.ts'
import { runMeasured } from './processTree.ts'
import type { BuildMeasure } from './siteBench.ts'

export const hugoInstallHint = 'install it with `apt-get install -y hugo` (Debian) to get this row'

export type HugoResult =
  | { version: string; cold: BuildMeasure; again: BuildMeasure; outputs: number }
  | { missing: string }

/** `hugo v0.111.3+extended linux/amd64 …`, or undefined when there is no `hugo` on PATH. */
export function hugoVersion(): string | undefined {
  const found = spawnSync('hugo', ['version'], { encoding: 'utf8' })
  if (found.error || found.status !== 0) return undefined
  return /hugo (v[\w.+-]+)/.exec(found.stdout)?.[1] ?? found.stdout.trim()
}

export async function benchHugo(options: {
  workDir: string
  snapshot: Snapshot
  log: (message: string) => void
}): Promise<HugoResult> {
  const version = hugoVersion()
  if (!version) {
    options.log(`  hugo is not installed: ${hugoInstallHint}; skipping it.`)
    return { missing: `hugo is not installed: ${hugoInstallHint}` }
  }
  const dir = options.workDir
  writeHugoProject(dir, options.snapshot)
  const build = async (out: string): Promise<BuildMeasure> => {
    const run = await runMeasured(
      'hugo',
      ['--source', dir, '--destination', path.join(dir, out), '--cacheDir', path.join(dir, 'cache')],
      { cwd: dir, env: process.env },
    )
    return { seconds: run.seconds, peakRssBytes: run.peakRssBytes }
  }
  options.log(`  hugo ${version}, cold…`)
  const cold = await build('public-cold')
  options.log(`    ${cold.seconds.toFixed(1)} s, peak ${(cold.peakRssBytes / 2 ** 30).toFixed(2)} GiB`)
  options.log('  hugo again, same project and cache…')
  const again = await build('public-again')
  options.log(`    ${again.seconds.toFixed(1)} s, peak ${(again.peakRssBytes / 2 ** 30).toFixed(2)} GiB`)
  const outputs = routeOutputs(builtFiles(path.join(dir, 'public-cold'))).length
  return { version, cold, again, outputs }
}
