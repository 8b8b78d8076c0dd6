/**
 * Rendered PDFs and ZIPs kept between builds, keyed by a digest of their exact input and of the
 * renderer (code, library and font versions: `editionsFingerprint`). A rebuild renders only what
 * changed; an unchanged input gives the cached file, whose bytes are what a fresh render would give
 * (editions are deterministic, ADR 0013/0014), so checksums stay stable either way.
 *
 * Each file's size and SHA-256 are recorded when it is written, in `index.ndjson` beside the files
 * (one JSON line per file, appended), so a rebuild takes them from there instead of reading and
 * hashing every cached file again; it only checks that the file is still there with that size.
 * PDFs are rendered on worker threads (`PdfRenderPool`), ZIPs in this thread (a few per build).
 */
import { createHash } from 'node:crypto'
import { appendFile, mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { cardsFingerprint } from '@pressroom/shared/cards'
import {
  type EditionDocument,
  editionsFingerprint,
  PdfRenderPool,
  type RenderedPdf,
  sha256,
} from '@pressroom/shared/editions'

export type CachedEdition = { file: string; bytes: number; sha256: string }
type IndexEntry = { key: string; bytes: number; sha256: string }

/** Packs at once at most: packing a ZIP is CPU work, more in flight only holds more memory. */
const parallelPacks = 2

export class EditionCache {
  /** Files rendered (or packed) by this instance, and files taken from the cache. */
  readonly stats = { rendered: 0, reused: 0 }
  private readonly dir: string
  private readonly indexFile: string
  private readonly pool: PdfRenderPool
  private index: Promise<Map<string, IndexEntry>> | undefined
  private running = 0
  private readonly waiting: (() => void)[] = []

  /** `pool` renders the PDFs; by default one thread per core this process may use. */
  constructor(dir: string, pool = new PdfRenderPool()) {
    this.dir = dir
    this.indexFile = path.join(dir, 'index.ndjson')
    this.pool = pool
  }

  /** The cached PDF edition, rendered on a worker thread first when this exact input is not cached. */
  pdf(edition: EditionDocument): Promise<CachedEdition> {
    return this.get('pdf', edition, () => this.pool.render(edition))
  }

  /** The cache file for this input, made first (by `make`, at most two at once) when it is not there. */
  zip(input: unknown, make: () => Promise<Uint8Array>): Promise<CachedEdition> {
    return this.get('zip', input, () => this.limited(make))
  }

  /** The cached share card for this input (ADR 0048), rendered first by `make` when it is not there. */
  card(input: unknown, make: () => Promise<Uint8Array>): Promise<CachedEdition> {
    return this.get('png', { cards: cardsFingerprint(), input }, () => this.limited(make))
  }

  async read(file: string): Promise<Uint8Array> {
    return new Uint8Array(await readFile(file))
  }

  private async get(
    type: 'pdf' | 'zip' | 'png',
    input: unknown,
    make: () => Promise<Uint8Array | RenderedPdf>,
  ): Promise<CachedEdition> {
    const key = createHash('sha256')
      .update(JSON.stringify({ type, renderer: editionsFingerprint(), input }))
      .digest('hex')
    const file = path.join(this.dir, key.slice(0, 2), `${key}.${type}`)
    const known = (await this.loadIndex()).get(key)
    const size = await stat(file).then(
      (s) => s.size,
      () => undefined,
    )
    if (known && known.bytes === size) {
      this.stats.reused++
      return { file, bytes: known.bytes, sha256: known.sha256 }
    }
    if (size !== undefined && !known) {
      // Written by a build from before the index (or one stopped between the file and its line).
      const bytes = await this.read(file)
      this.stats.reused++
      return this.remember(key, file, bytes.length, sha256(bytes))
    }
    const made = await make()
    const bytes = made instanceof Uint8Array ? made : made.bytes
    const hash = made instanceof Uint8Array ? sha256(bytes) : made.sha256
    await mkdir(path.dirname(file), { recursive: true })
    const partial = `${file}.${process.pid}.part`
    await writeFile(partial, bytes)
    await rename(partial, file)
    this.stats.rendered++
    return this.remember(key, file, bytes.length, hash)
  }

  private async remember(key: string, file: string, bytes: number, hash: string): Promise<CachedEdition> {
    const entry: IndexEntry = { key, bytes, sha256: hash }
    ;(await this.loadIndex()).set(key, entry)
    // One short line per append: concurrent builds on the same folder do not tear each other's lines.
    await appendFile(this.indexFile, `${JSON.stringify(entry)}\n`)
    return { file, bytes, sha256: hash }
  }

  private loadIndex(): Promise<Map<string, IndexEntry>> {
    this.index ??= (async () => {
      const entries = new Map<string, IndexEntry>()
      let text = ''
      try {
        text = await readFile(this.indexFile, 'utf8')
      } catch {
        await mkdir(this.dir, { recursive: true })
      }
      for (const line of text.split('\n')) {
        if (!line) continue
        try {
          const entry = JSON.parse(line) as IndexEntry
          if (typeof entry.key === 'string' && Number.isInteger(entry.bytes) && /^[0-9a-f]{64}$/.test(entry.sha256))
            entries.set(entry.key, entry)
        } catch {
          // A line cut short by a stopped build: its file is hashed again when it is needed.
        }
      }
      return entries
    })()
    return this.index
  }

  private async limited<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= parallelPacks) await new Promise<void>((resolve) => this.waiting.push(resolve))
    this.running++
    try {
      return await work()
    } finally {
      this.running--
      this.waiting.shift()?.()
    }
  }
}
