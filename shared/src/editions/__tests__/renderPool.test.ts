import { afterAll, describe, expect, it } from 'vitest'
import { sha256 } from '../checksums.ts'
import { renderPdfEdition } from '../pdf.ts'
import { PdfRenderPool } from '../renderPool.ts'
import { fallbackRu, noticeRu, statementEn } from './fixtures.ts'

describe('PdfRenderPool', () => {
  const pool = new PdfRenderPool(2)
  afterAll(() => pool.close())

  it('renders on worker threads the same bytes as the calling thread does, with their SHA-256', async () => {
    const editions = [statementEn, noticeRu, fallbackRu, statementEn]
    const [inThreads, here] = await Promise.all([
      Promise.all(editions.map((e) => pool.render(e))),
      Promise.all(editions.map((e) => renderPdfEdition(e))),
    ])
    inThreads.forEach((rendered, i) => {
      const expected = here[i] as Uint8Array
      expect(Buffer.from(rendered.bytes).equals(Buffer.from(expected))).toBe(true)
      expect(rendered.sha256).toBe(sha256(expected))
    })
  })

  it('gives the same bytes whatever the thread rendered before (the parsed fonts are shared, their glyphs are not)', async () => {
    // A fresh thread renders each edition first; this thread renders them after the others, in another order.
    const editions = [statementEn, noticeRu, fallbackRu]
    const first = await Promise.all(
      editions.map(async (edition) => {
        const fresh = new PdfRenderPool(1)
        try {
          return (await fresh.render(edition)).sha256
        } finally {
          await fresh.close()
        }
      }),
    )
    // Each one right after the others (a Russian notice before an English statement changed a glyph's
    // Unicode mapping when fontkit's glyphs were kept between documents).
    const after: string[] = []
    for (const edition of editions) {
      for (const other of editions) if (other !== edition) await renderPdfEdition(other)
      after.push(sha256(await renderPdfEdition(edition)))
    }
    expect(after).toEqual(first)
  })

  it('passes a render error back to the caller and keeps working', async () => {
    await expect(pool.render({ ...noticeRu, referenceNumber: '' })).rejects.toThrow(/no reference number/)
    const after = await pool.render(noticeRu)
    expect(after.sha256).toBe(sha256(await renderPdfEdition(noticeRu)))
  })

  it('renders in the calling thread when given no threads', async () => {
    const inline = new PdfRenderPool(0)
    expect((await inline.render(noticeRu)).sha256).toBe(sha256(await renderPdfEdition(noticeRu)))
  })

  it('refuses work once closed', async () => {
    const closing = new PdfRenderPool(1)
    await closing.render(noticeRu)
    await closing.close()
    await expect(closing.render(noticeRu)).rejects.toThrow(/closed/)
  })
})
