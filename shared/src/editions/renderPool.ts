import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { sha256 } from './checksums.ts'
import { renderPdfEdition } from './pdf.ts'
import type { RenderReply, RenderRequest } from './renderWorker.ts'
import type { EditionDocument } from './types.ts'

export type RenderedPdf = { bytes: Uint8Array; sha256: string }

type Task = { edition: EditionDocument; resolve: (rendered: RenderedPdf) => void; reject: (error: Error) => void }
type Thread = { worker: Worker; task?: Task & { id: number } }

/**
 * Renders PDF editions on worker threads, one render per thread at a time, so a build uses every
 * core: pdfkit is synchronous, and on the main thread it blocks everything else. The bytes are the
 * same as `renderPdfEdition` gives in the calling thread (same code, same pinned libraries).
 *
 * The worker loads `renderWorker.ts` with Node's own type stripping, as the site loads this module
 * (ADR 0013, "On the site"), so this module must be loaded from its source files, not bundled.
 * Idle threads do not keep the process alive; `close()` ends them.
 */
export class PdfRenderPool {
  readonly size: number
  private readonly idleMs: number
  private readonly threads: Thread[] = []
  private readonly queue: Task[] = []
  private nextId = 1
  private closed = false
  private idleTimer: NodeJS.Timeout | undefined

  /**
   * `size` threads at most (default: the cores this process may use); 0 renders in the calling
   * thread. Threads end after `idleMs` without work, so their memory is given back during the rest
   * of a build, and start again when needed.
   */
  constructor(size = availableParallelism(), idleMs = 1000) {
    this.size = Math.max(0, Math.floor(size))
    this.idleMs = idleMs
  }

  render(edition: EditionDocument): Promise<RenderedPdf> {
    if (this.closed) return Promise.reject(new Error('The PDF render pool is closed.'))
    if (this.size === 0) return renderPdfEdition(edition).then((bytes) => ({ bytes, sha256: sha256(bytes) }))
    return new Promise((resolve, reject) => {
      this.queue.push({ edition, resolve, reject })
      this.dispatch()
    })
  }

  async close(): Promise<void> {
    this.closed = true
    const threads = this.threads.splice(0)
    for (const task of this.queue.splice(0)) task.reject(new Error('The PDF render pool was closed.'))
    await Promise.all(threads.map((t) => t.worker.terminate()))
  }

  private dispatch() {
    clearTimeout(this.idleTimer)
    while (this.queue.length > 0) {
      let thread = this.threads.find((t) => !t.task)
      if (!thread && this.threads.length < this.size) thread = this.start()
      if (!thread) return
      const task = this.queue.shift() as Task
      thread.task = { ...task, id: this.nextId++ }
      thread.worker.ref()
      const request: RenderRequest = { id: thread.task.id, edition: task.edition }
      thread.worker.postMessage(request)
    }
    if (this.threads.every((t) => !t.task)) {
      this.idleTimer = setTimeout(() => {
        for (const idle of this.threads.splice(0)) void idle.worker.terminate()
      }, this.idleMs)
      this.idleTimer.unref()
    }
  }

  private start(): Thread {
    const worker = new Worker(new URL('./renderWorker.ts', import.meta.url), {
      // The parent's flags, but not `--input-type` (only valid with -e, which a worker file is not).
      execArgv: process.execArgv.filter((flag) => !flag.startsWith('--input-type')),
    })
    const thread: Thread = { worker }
    worker.on('message', (reply: RenderReply) => {
      const task = thread.task
      if (!task || task.id !== reply.id) return
      thread.task = undefined
      worker.unref()
      if (reply.ok) task.resolve({ bytes: reply.bytes, sha256: reply.sha256 })
      else {
        const error = new Error(reply.message)
        if (reply.stack) error.stack = reply.stack
        task.reject(error)
      }
      this.dispatch()
    })
    const fail = (error: Error) => {
      this.threads.splice(this.threads.indexOf(thread), 1)
      thread.task?.reject(new Error(`A PDF render thread stopped: ${error.message}`, { cause: error }))
      thread.task = undefined
      // A thread that cannot start will not start next time either: fail what waits instead of looping.
      if (this.threads.length === 0) for (const task of this.queue.splice(0)) task.reject(error)
      else this.dispatch()
    }
    worker.on('error', fail)
    worker.on('exit', (code) => {
      if (this.threads.includes(thread)) fail(new Error(`exited with code ${code}`))
    })
    this.threads.push(thread)
    return thread
  }
}
