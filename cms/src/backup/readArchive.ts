import { createHash } from 'node:crypto'
import { list } from 'tar'
import { type ArchivedFile, BackupRefused, type Manifest, manifestName, parseManifest } from './manifest.ts'

/**
 * Reads a whole archive without unpacking it and checks it against its manifest: every listed
 * file present with its size and SHA-256, nothing unlisted. A truncated or altered archive
 * (including a changed byte that gzip's own check catches) is refused here, before a restore
 * touches anything. Returns the manifest.
 */
export async function verifyArchive(archive: string): Promise<Manifest> {
  let manifestText: string | null = null
  const found = new Map<string, ArchivedFile>()
  const unexpected: string[] = []
  try {
    await list({
      file: archive,
      strict: true,
      onEntry: async (entry) => {
        if (entry.type === 'Directory') return
        if (entry.type !== 'File') {
          unexpected.push(`${entry.path} (${entry.type})`)
          return
        }
        if (entry.path === manifestName) {
          manifestText = await entry.text()
          return
        }
        const hash = createHash('sha256')
        let bytes = 0
        const reader = entry.body.getReader()
        for (let read = await reader.read(); !read.done; read = await reader.read()) {
          hash.update(read.value)
          bytes += read.value.length
        }
        found.set(entry.path, { path: entry.path, bytes, sha256: hash.digest('hex') })
      },
    })
  } catch (error) {
    throw new BackupRefused(
      `${archive} cannot be read to its end (${(error as Error).message}): it is truncated or damaged. ` +
        'Nothing was changed. Use another copy of the backup.',
    )
  }
  if (manifestText === null) {
    throw new BackupRefused(
      `${archive} has no manifest.json: it is not a press room backup, or it is damaged. Nothing was changed.`,
    )
  }
  const manifest = parseManifest(manifestText, archive)
  const problems = compareFiles(manifest.files, found)
  problems.push(...unexpected.map((name) => `${name}: not a regular file`))
  if (problems.length > 0) {
    throw new BackupRefused(
      `${archive} does not match its manifest, so it was altered or is incomplete. Nothing was changed.\n  ` +
        `${problems.slice(0, 20).join('\n  ')}${problems.length > 20 ? `\n  … and ${problems.length - 20} more` : ''}`,
    )
  }
  return manifest
}

/** What differs between the manifest's list and the files found: one line per file. */
export function compareFiles(listed: readonly ArchivedFile[], found: ReadonlyMap<string, ArchivedFile>): string[] {
  const problems: string[] = []
  const names = new Set<string>()
  for (const file of listed) {
    names.add(file.path)
    const actual = found.get(file.path)
    if (!actual) problems.push(`${file.path}: missing`)
    else if (actual.bytes !== file.bytes)
      problems.push(`${file.path}: ${actual.bytes} bytes, the manifest says ${file.bytes}`)
    else if (actual.sha256 !== file.sha256) problems.push(`${file.path}: its SHA-256 differs from the manifest's`)
  }
  for (const name of found.keys()) if (!names.has(name)) problems.push(`${name}: not in the manifest`)
  return problems
}
