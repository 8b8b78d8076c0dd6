/**
 * Rendered PDFs and ZIPs kept between builds, keyed by a digest of their exact input and of the
 * renderer (code, library and font versions: `editionsFingerprint`). A rebuild renders only what
 * changed; an unchanged input gives the cached file, whose bytes are what a fresh render would give
 * (editions are deterministic, ADR 0013/0014), so checksums stay stable either way.
 */
import { createHash } from 'node:crypto'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { editionsFingerprint, sha256 } from '@pressroom/shared/editions'

export type CachedEdition = { file: string; bytes: number; sha256: string }

/** Renders at once at most: rendering is CPU work, more in flight only holds more memory. */
const parallelRenders = 2

export class EditionCache {
  /** Files rendered (or packed) by this instance, and files taken from the cache. */
  readonly stats = { rendered: 0, reused: 0 }
  private readonly dir: string
  private running = 0
  private readonly waiting: (() => void)[] = []

  constructor(dir: string) {
    this.dir = dir
  }

  /** The cache file for this input, rendered first when it is not there. */
  async get(type: 'pdf' | 'zip', input: unknown, render: () => Promise<Uint8Array>): Promise<CachedEdition> {
    const key = createHash('sha256')
      .update(JSON.stringify({ type, renderer: editionsFingerprint(), input }))
      .digest('hex')
    const file = path.join(this.dir, key.slice(0, 2), `${key}.${type}`)
    let bytes: Uint8Array
    try {
      bytes = await this.read(file)
      this.stats.reused++
    } catch {
      bytes = await this.limited(render)
      await mkdir(path.dirname(file), { recursive: true })
      const partial = `${file}.${process.pid}.part`
      await writeFile(partial, bytes)
      await rename(partial, file)
      this.stats.rendered++
    }
    return { file, bytes: bytes.length, sha256: sha256(bytes) }
  }

  async read(file: string): Promise<Uint8Array> {
    return new Uint8Array(await readFile(file))
  }

  private async limited<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= parallelRenders) await new Promise<void>((resolve) => this.waiting.push(resolve))
    this.running++
    try {
      return await work()
    } finally {
      this.running--
      this.waiting.shift()?.()
    }
  }
}
