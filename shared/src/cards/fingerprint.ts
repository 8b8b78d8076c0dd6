import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** The libraries whose code or data shapes a card's pixels. */
const renderingPackages = ['satori', '@resvg/resvg-js', '@expo-google-fonts/pt-serif/package.json'] as const

let fingerprint: string | undefined

/**
 * A digest of everything besides its input that decides a card's bytes: this folder's source
 * (layout, text chunks), the font module, and the versions of satori, resvg and the fonts. Cards
 * cached under (input, fingerprint) are never stale after an upgrade or a layout change.
 */
export function cardsFingerprint(): string {
  if (fingerprint) return fingerprint
  const here = path.dirname(fileURLToPath(import.meta.url))
  const sources = readdirSync(here)
    .filter((name) => name.endsWith('.ts'))
    .sort()
  if (!sources.includes('shareCard.ts')) {
    throw new Error(
      `The cards module was loaded from ${here}, not from its source folder; load @pressroom/shared/cards unbundled (vite external).`,
    )
  }
  const hash = createHash('sha256')
  for (const name of ['../editions/fonts.ts', ...sources]) {
    hash.update(`${name}\0`)
    hash.update(readFileSync(path.join(here, name)))
  }
  const require = createRequire(import.meta.url)
  for (const name of renderingPackages) hash.update(`${name}@${versionOf(require, name)}\0`)
  fingerprint = hash.digest('hex')
  return fingerprint
}

function versionOf(require: NodeJS.Require, name: string): string {
  const manifest = name.endsWith('package.json') ? name : `${name}/package.json`
  try {
    return (JSON.parse(readFileSync(require.resolve(manifest), 'utf8')) as { version: string }).version
  } catch {
    // satori's exports do not list package.json: find it beside the resolved entry point.
    let dir = path.dirname(require.resolve(name))
    while (dir !== path.dirname(dir)) {
      try {
        const json = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
          name?: string
          version?: string
        }
        if (json.name === name && json.version) return json.version
      } catch {}
      dir = path.dirname(dir)
    }
    throw new Error(`Cannot find the version of ${name}; run \`pnpm install\`.`)
  }
}
