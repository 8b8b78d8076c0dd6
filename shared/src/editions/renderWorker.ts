/**
 * The body of a render thread (see renderPool.ts): renders one PDF edition per message and sends
 * the bytes back with their SHA-256, so the thread that asked does no CPU work for it.
 */
import { parentPort } from 'node:worker_threads'
import { sha256 } from './checksums.ts'
import { renderPdfEdition } from './pdf.ts'
import type { EditionDocument } from './types.ts'

export type RenderRequest = { id: number; edition: EditionDocument }
export type RenderReply =
  | { id: number; ok: true; bytes: Uint8Array; sha256: string }
  | { id: number; ok: false; message: string; stack?: string }

if (!parentPort) throw new Error('renderWorker.ts runs as a worker thread of renderPool.ts, not on its own.')
const port = parentPort

port.on('message', async ({ id, edition }: RenderRequest) => {
  try {
    const bytes = await renderPdfEdition(edition)
    const reply: RenderReply = { id, ok: true, bytes, sha256: sha256(bytes) }
    port.postMessage(reply, [bytes.buffer as ArrayBuffer])
  } catch (error) {
    const reply: RenderReply = {
      id,
      ok: false,
      message: error instanceof Error ? error.message : String(error),
      stack: error instanceof Error ? error.stack : undefined,
    }
    port.postMessage(reply)
  }
})
