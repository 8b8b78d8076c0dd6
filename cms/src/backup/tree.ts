import { constants } from 'node:fs'
import { copyFile, mkdir, readdir, stat } from 'node:fs/promises'
import path from 'node:path'
import { sha256File } from '@pressroom/shared/editions'
import type { ArchivedFile } from './manifest.ts'

/** Every regular file under `dir`, as paths relative to it with `/`, sorted. None if it is missing. */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return []
    throw error
  })
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort()
}

/** Size and SHA-256 of every file under `root`, named by their path inside it. */
export async function describeFiles(root: string, skip: ReadonlySet<string> = new Set()): Promise<ArchivedFile[]> {
  const described: ArchivedFile[] = []
  for (const file of await filesUnder(root)) {
    if (skip.has(file)) continue
    const full = path.join(root, file)
    described.push({ path: file, bytes: (await stat(full)).size, sha256: await sha256File(full) })
  }
  return described
}

/**
 * A copy of every file under `from` at `to` (a reflink where the file system offers one), so the
 * archive is written from files the CMS cannot change meanwhile. Returns how many were copied.
 */
export async function copyTree(from: string, to: string): Promise<number> {
  const files = await filesUnder(from)
  for (const file of files) {
    const target = path.join(to, file)
    await mkdir(path.dirname(target), { recursive: true })
    await copyFile(path.join(from, file), target, constants.COPYFILE_FICLONE)
  }
  return files.length
}
