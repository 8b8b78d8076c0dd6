import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

/** Every file under `dir` by its path inside it, with the SHA-256 of its bytes. */
export function fileDigests(dir: string): Map<string, string> {
  const files = new Map<string, string>()
  const walk = (inside: string) => {
    for (const entry of readdirSync(path.join(dir, inside), { withFileTypes: true })) {
      const relative = path.posix.join(inside, entry.name)
      if (entry.isDirectory()) walk(relative)
      else
        files.set(
          relative,
          createHash('sha256')
            .update(readFileSync(path.join(dir, relative)))
            .digest('hex'),
        )
    }
  }
  walk('')
  return files
}

/** What differs between two built sites: paths only in one of them, and paths whose bytes differ. */
export function treeDifferences(expected: string, actual: string): string[] {
  const want = fileDigests(expected)
  const got = fileDigests(actual)
  const differences: string[] = []
  for (const [file, digest] of want) {
    if (!got.has(file)) differences.push(`missing: ${file}`)
    else if (got.get(file) !== digest) differences.push(`differs: ${file}`)
  }
  for (const file of got.keys()) if (!want.has(file)) differences.push(`extra: ${file}`)
  return differences.sort()
}
