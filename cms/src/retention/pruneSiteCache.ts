import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'

/**
 * The site build's cache (SITE_CACHE_DIR, docs/adr/0013): rendered PDF and ZIP editions under
 * `editions/` with their `index.ndjson`, and downloaded CMS files under `media/` and `files/`.
 * A cache file that is gone only costs a render or a download in the next build, so nothing here
 * can break the site; what the live site uses is kept anyway, so the next build stays quick.
 * Called only while no build runs (a build reads these files while it renders).
 */
export type SiteCacheReport = { editionsRemoved: number; editionBytes: number; downloadsRemoved: number }

type CacheFile = { file: string; key: string; bytes: number; mtimeMs: number }
type IndexEntry = { key: string; bytes: number; sha256: string }

const editionName = /^([0-9a-f]{64})\.(pdf|zip)$/
/** A half-written file of a stopped build: `<key>.pdf.<pid>.part`. */
const partName = /\.part$/
const dayMs = 24 * 60 * 60 * 1000

async function list(dir: string): Promise<string[]> {
  return readdir(dir).catch(() => [])
}

async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/**
 * Every SHA-256 listed in the live release's checksums.txt files: one per language, at
 * `<live>/<locale>/` or, under a sub-path (SITE_BASE), one level deeper.
 */
export async function liveChecksums(liveDir: string): Promise<Set<string>> {
  const hashes = new Set<string>()
  const candidates: string[] = []
  for (const top of await list(liveDir)) {
    candidates.push(path.join(liveDir, top, 'checksums.txt'))
    for (const inner of await list(path.join(liveDir, top)))
      candidates.push(path.join(liveDir, top, inner, 'checksums.txt'))
  }
  for (const file of candidates) {
    const text = await readFile(file, 'utf8').catch(() => '')
    for (const line of text.split('\n')) {
      const hash = /^([0-9a-f]{64}) /.exec(line)?.[1]
      if (hash) hashes.add(hash)
    }
  }
  return hashes
}

async function readIndex(file: string): Promise<Map<string, IndexEntry>> {
  const entries = new Map<string, IndexEntry>()
  const text = await readFile(file, 'utf8').catch(() => '')
  for (const line of text.split('\n')) {
    try {
      const entry = JSON.parse(line) as IndexEntry
      if (typeof entry.key === 'string') entries.set(entry.key, entry)
    } catch {
      // an empty or cut line
    }
  }
  return entries
}

/**
 * Deletes edition files the live site does not list, when older than `before`; then, while the
 * cache is larger than `maxBytes`, more of them, oldest first. Rewrites the index without the
 * deleted files' lines. Half-written files older than a day go too.
 */
async function pruneEditions(dir: string, liveDir: string, before: Date, maxBytes: number) {
  const files: CacheFile[] = []
  for (const shard of await list(dir)) {
    const shardDir = path.join(dir, shard)
    for (const name of await list(shardDir)) {
      const file = path.join(shardDir, name)
      const info = await stat(file).catch(() => null)
      if (!info?.isFile()) continue
      if (partName.test(name)) {
        if (info.mtimeMs < Date.now() - dayMs) await rm(file, { force: true })
        continue
      }
      const key = editionName.exec(name)?.[1]
      if (key) files.push({ file, key, bytes: info.size, mtimeMs: info.mtimeMs })
    }
  }
  const indexFile = path.join(dir, 'index.ndjson')
  const index = await readIndex(indexFile)
  const used = await liveChecksums(liveDir)
  const isUsed = async (f: CacheFile) => used.has(index.get(f.key)?.sha256 ?? (await sha256File(f.file)))

  let total = files.reduce((sum, f) => sum + f.bytes, 0)
  const removed = new Set<string>()
  const oldestFirst = [...files].sort((a, b) => a.mtimeMs - b.mtimeMs)
  for (const f of oldestFirst) {
    const old = f.mtimeMs < before.getTime()
    if (!old && total <= maxBytes) continue
    if (await isUsed(f)) continue
    await rm(f.file, { force: true })
    removed.add(f.key)
    total -= f.bytes
  }
  if (removed.size > 0 && index.size > 0) {
    const kept = [...index.values()].filter((entry) => !removed.has(entry.key))
    const temporary = `${indexFile}.${process.pid}.tmp`
    await writeFile(temporary, kept.map((entry) => `${JSON.stringify(entry)}\n`).join(''))
    await rename(temporary, indexFile)
  }
  return { removed: removed.size, bytes: total }
}

/**
 * Downloads are kept per version of an item (`<kind>/<cms id>-<change time>/<file>`); an older
 * version of the same item is never asked for again once a newer one is there.
 */
async function pruneSupersededDownloads(cacheDir: string): Promise<number> {
  let removed = 0
  for (const kind of ['media', 'files']) {
    const kindDir = path.join(/*turbopackIgnore: true*/ cacheDir, kind)
    const newest = new Map<string, { name: string; version: number }>()
    const stale: string[] = []
    for (const name of await list(kindDir)) {
      const match = /^(.+)-(\d+)$/.exec(name)
      if (!match) continue
      const [, id, version] = match as unknown as [string, string, string]
      const known = newest.get(id)
      if (!known || Number(version) > known.version) {
        if (known) stale.push(known.name)
        newest.set(id, { name, version: Number(version) })
      } else stale.push(name)
    }
    for (const name of stale) await rm(path.join(kindDir, name), { recursive: true, force: true })
    removed += stale.length
  }
  return removed
}

export async function pruneSiteCache(
  cacheDir: string,
  liveDir: string,
  before: Date,
  maxBytes: number,
): Promise<SiteCacheReport> {
  const editions = await pruneEditions(
    path.join(/*turbopackIgnore: true*/ cacheDir, 'editions'),
    liveDir,
    before,
    maxBytes,
  )
  return {
    editionsRemoved: editions.removed,
    editionBytes: editions.bytes,
    downloadsRemoved: await pruneSupersededDownloads(cacheDir),
  }
}
