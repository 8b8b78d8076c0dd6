import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** The libraries whose code or data shapes the bytes of an edition. */
const renderingPackages = ['pdfkit', 'fontkit', 'yazl', '@expo-google-fonts/pt-serif'] as const

let fingerprint: string | undefined

/**
 * A digest of everything besides its input that decides an edition's bytes: this module's own
 * source (layout, labels, ZIP and vCard writers), the versions of pdfkit, yazl and the fonts, and
 * Node's zlib. A cache of rendered editions keyed by (input, fingerprint) is never stale after an
 * upgrade or a layout change (ADR 0013, "On the site").
 */
export function editionsFingerprint(): string {
  if (fingerprint) return fingerprint
  const here = path.dirname(fileURLToPath(import.meta.url))
  const sources = readdirSync(here)
    .filter((name) => name.endsWith('.ts'))
    .sort()
  if (!sources.includes('pdf.ts')) {
    throw new Error(
      `The editions module was loaded from ${here}, not from its source folder; load @pressroom/shared/editions unbundled (vite ssr.external).`,
    )
  }
  const hash = createHash('sha256')
  for (const name of ['../richtext.ts', '../locales.ts', '../kinds.ts', ...sources]) {
    hash.update(`${name}\0`)
    hash.update(readFileSync(path.join(here, name)))
  }
  const require = createRequire(import.meta.url)
  for (const name of renderingPackages) hash.update(`${name}@${packageVersion(require, name)}\0`)
  hash.update(`zlib@${process.versions.zlib}`)
  fingerprint = hash.digest('hex')
  return fingerprint
}

function packageVersion(require: NodeJS.Require, name: string): string {
  // Not every package exports its package.json: walk up from its resolved entry point.
  let dir = path.dirname(require.resolve(/* turbopackIgnore: true */ name))
  while (dir !== path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json')
    if (existsSync(manifest)) {
      const json = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string }
      if (json.name === name && json.version) return json.version
    }
    dir = path.dirname(dir)
  }
  throw new Error(`Cannot find the version of ${name}; run \`pnpm install\`.`)
}
