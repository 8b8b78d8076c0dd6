import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'

/** SHA-256 of the bytes (a string is read as UTF-8), as 64 lower-case hex digits. */
export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex')
}

/** SHA-256 of a file, streamed. */
export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

export type ChecksumEntry = { path: string; sha256: string }

/**
 * A checksums file in the format of GNU `sha256sum` (`sha256sum -c checksums.txt` verifies it in
 * the folder that holds the files): one "HASH  PATH" line per file, sorted by path so the same set
 * of files always gives the same text.
 */
export function checksumsTxt(files: readonly ChecksumEntry[]): string {
  const seen = new Set<string>()
  const lines = files.map(({ path, sha256: hash }) => {
    if (!/^[0-9a-f]{64}$/.test(hash)) throw new Error(`"${hash}" (for ${path}) is not a SHA-256 in lower-case hex`)
    // sha256sum escapes such names with a leading backslash; we never produce them.
    if (!path || /[\\\n\r]/.test(path)) throw new Error(`"${path}" cannot be listed in checksums.txt`)
    if (seen.has(path)) throw new Error(`"${path}" is listed twice in checksums.txt`)
    seen.add(path)
    return `${hash}  ${path}\n`
  })
  const order = files.map((f, i) => ({ path: f.path, line: lines[i] as string }))
  order.sort((a, b) => compareBytes(a.path, b.path))
  return order.map((o) => o.line).join('')
}

/** Orders by UTF-8 bytes, the same on every machine (unlike localeCompare). */
export function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b))
}
