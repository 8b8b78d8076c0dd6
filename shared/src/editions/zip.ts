import type { Readable } from 'node:stream'
import yazl from 'yazl'
import { compareBytes } from './checksums.ts'

export type ZipEntry = { path: string } & ({ data: Uint8Array | string } | { file: string })

export type ZipOptions = {
  /** The modification time written for every entry (ISO); 1980-01-01, the earliest a ZIP can hold, by default. */
  mtime?: string
}

// Formats that are compressed already: storing them is as small and much faster.
const storedExtensions = /\.(jpe?g|png|webp|avif|gif|pdf|zip|gz|docx|odt|woff2?)$/i

/**
 * A ZIP whose bytes depend only on the entries: they are sorted by path, every entry gets the
 * same time (a DOS timestamp only, which has no time zone, written from the UTC components so
 * the build machine's zone does not matter) and the same permissions (rw-r--r--).
 */
export function zipStream(entries: readonly ZipEntry[], options: ZipOptions = {}): Readable {
  const zip = new yazl.ZipFile()
  const mtime = dosTime(options.mtime ?? '1980-01-01T00:00:00Z')
  const sorted = checkPaths(entries)
  for (const entry of sorted) {
    const entryOptions = {
      mtime,
      mode: 0o100644,
      forceDosTimestamp: true,
      compress: !storedExtensions.test(entry.path),
    }
    if ('file' in entry) zip.addFile(entry.file, entry.path, entryOptions)
    else {
      const data = typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : Buffer.from(entry.data)
      zip.addBuffer(data, entry.path, entryOptions)
    }
  }
  zip.end()
  return zip.outputStream as Readable
}

/** The whole ZIP in memory. */
export async function buildZip(entries: readonly ZipEntry[], options: ZipOptions = {}): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  for await (const chunk of zipStream(entries, options)) chunks.push(chunk as Buffer)
  return new Uint8Array(Buffer.concat(chunks))
}

function checkPaths(entries: readonly ZipEntry[]): ZipEntry[] {
  const seen = new Set<string>()
  for (const { path } of entries) {
    const bad =
      !path ||
      path.startsWith('/') ||
      path.endsWith('/') ||
      path.includes('\\') ||
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters have no place in a file name
      /[\u0000-\u001f]/.test(path) ||
      path.split('/').some((part) => part === '' || part === '.' || part === '..')
    if (bad) throw new Error(`"${path}" is not a safe path inside a ZIP (relative, "/"-separated, no "." or "..")`)
    if (seen.has(path)) throw new Error(`"${path}" appears twice in the ZIP`)
    seen.add(path)
  }
  return [...entries].sort((a, b) => compareBytes(a.path, b.path))
}

/** yazl reads the local-time fields of the date; build a date whose local fields are the UTC ones. */
function dosTime(iso: string): Date {
  const utc = new Date(iso)
  if (Number.isNaN(utc.getTime())) throw new Error(`"${iso}" is not an ISO date`)
  return new Date(
    utc.getUTCFullYear(),
    utc.getUTCMonth(),
    utc.getUTCDate(),
    utc.getUTCHours(),
    utc.getUTCMinutes(),
    utc.getUTCSeconds(),
  )
}
