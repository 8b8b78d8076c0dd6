import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { cmsDir, repoRoot } from './paths.ts'
import { run } from './processes.ts'

const inputs = [
  'cms/src',
  'cms/next.config.mjs',
  'cms/package.json',
  'cms/tsconfig.json',
  'shared/src',
  'pnpm-lock.yaml',
]
const stampFile = path.join(cmsDir, '.next/pressroom-build.sha256')

function* files(entry: string): Generator<string> {
  if (!existsSync(entry)) return
  if (statSync(entry).isFile()) {
    yield entry
    return
  }
  for (const name of readdirSync(entry).sort()) {
    if (name === '__tests__' || name === 'node_modules') continue
    yield* files(path.join(entry, name))
  }
}

/** A digest of everything the Next build reads, so an unchanged CMS is not rebuilt. */
export function cmsSourceDigest(list = inputs): string {
  const hash = createHash('sha256')
  for (const input of list) {
    for (const file of files(path.join(repoRoot, input))) {
      hash.update(path.relative(repoRoot, file))
      hash.update(readFileSync(file))
    }
  }
  return hash.digest('hex')
}

/** `next build` (70–90 s here) only when the sources changed since the last build. */
export async function buildCmsIfChanged(log: (message: string) => void): Promise<'built' | 'up to date'> {
  const digest = cmsSourceDigest()
  const built = existsSync(path.join(cmsDir, '.next/BUILD_ID')) && existsSync(stampFile)
  if (built && readFileSync(stampFile, 'utf8') === digest) return 'up to date'
  log('Building the CMS (next build, about 1.5 minutes the first time)…')
  await run(path.join(cmsDir, 'node_modules/.bin/next'), ['build'], {
    cwd: cmsDir,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  })
  writeFileSync(stampFile, digest)
  return 'built'
}

const previewInputs = ['site/src', 'site/astro.preview.config.ts', 'site/package.json', 'shared/src', 'pnpm-lock.yaml']
const siteRoot = path.join(repoRoot, 'site')
const previewDir = path.join(siteRoot, 'dist-preview')
const previewStamp = path.join(previewDir, 'pressroom-build.sha256')

/**
 * The site's preview build (docs/adr/0037-previews.md), which the CMS imports to render drafts
 * with the site's own pages: about 3 s, only when the site's sources changed.
 */
export async function buildSitePreviewIfChanged(log: (message: string) => void): Promise<'built' | 'up to date'> {
  const digest = cmsSourceDigest(previewInputs)
  const built = existsSync(path.join(previewDir, 'server/entry.mjs')) && existsSync(previewStamp)
  if (built && readFileSync(previewStamp, 'utf8') === digest) return 'up to date'
  log('Building the site preview (astro build --config astro.preview.config.ts, a few seconds)…')
  await run(path.join(siteRoot, 'node_modules/.bin/astro'), ['build', '--config', 'astro.preview.config.ts'], {
    cwd: siteRoot,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  })
  writeFileSync(previewStamp, digest)
  return 'built'
}
