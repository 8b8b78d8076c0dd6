import { describe, expect, it } from 'vitest'
import { renderShareCard, type ShareCardInput } from '../index.ts'

/** The PNG's chunks, by type, in order. */
function chunks(png: Uint8Array): { type: string; data: Buffer }[] {
  const bytes = Buffer.from(png)
  const out: { type: string; data: Buffer }[] = []
  for (let at = 8; at < bytes.length; ) {
    const length = bytes.readUInt32BE(at)
    out.push({ type: bytes.toString('latin1', at + 4, at + 8), data: bytes.subarray(at + 8, at + 8 + length) })
    at += 12 + length
  }
  return out
}

const russian: ShareCardInput = {
  organizationName: 'Вернём их домой живыми',
  tagline: 'Пресс-центр · Вернём их домой живыми',
  kind: 'Пресс-релиз',
  title: 'Семьи встретились с посредниками: родственники удерживаемых с обеих сторон встретились с миссией',
  referenceNumber: 'GC-PR-2026-004',
  date: '20 ноября 2026 г.',
}

describe('share cards', () => {
  it('are 1200×630 PNGs that carry their words as text chunks, and the same input gives the same bytes', async () => {
    const png = await renderShareCard(russian)
    expect(Buffer.from(png.subarray(0, 8)).toString('hex')).toBe('89504e470d0a1a0a')
    const [header, ...rest] = chunks(png)
    if (!header) throw new Error('the PNG has no chunks')
    expect(header.type).toBe('IHDR')
    expect([header.data.readUInt32BE(0), header.data.readUInt32BE(4)]).toEqual([1200, 630])
    const texts = rest.filter((c) => c.type === 'iTXt').map((c) => c.data.toString('utf8'))
    expect(texts.some((t) => t.startsWith('Title') && t.endsWith(russian.title))).toBe(true)
    expect(texts.some((t) => t.includes('GC-PR-2026-004') && t.includes('20 ноября 2026 г.'))).toBe(true)
    expect(rest.at(-1)?.type).toBe('IEND')
    expect(Buffer.from(await renderShareCard(russian)).equals(Buffer.from(png))).toBe(true)
  })
})
