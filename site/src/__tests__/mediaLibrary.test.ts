import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { EditionCache } from '../lib/editionCache.ts'
import { libraryFiles, libraryImages } from '../lib/mediaLibrary.ts'
import type { ImageSize, MediaItem } from '../lib/schemas.ts'

const size = (filename: string, filesize: number, mimeType = 'image/jpeg'): ImageSize => ({
  filename,
  width: 1200,
  height: 800,
  mimeType,
  filesize,
  url: `/api/media/file/${filename}`,
})

const item = (cmsId: string, sizes: Record<string, ImageSize>, mimeType = 'image/png'): MediaItem => ({
  cmsId,
  filename: `${cmsId}.png`,
  mimeType,
  width: 3000,
  height: 2000,
  filesize: 900_000,
  url: `/api/media/file/${cmsId}.png`,
  sizes,
  alt: { en: 'Alt' },
  caption: {},
  updatedAt: `2026-11-0${cmsId}T00:00:00.000Z`,
})

describe('the media library', () => {
  it('offers the original and the JPEG sizes, and a WebP only where it is smaller than its JPEG', () => {
    const files = libraryFiles(
      item('1', {
        thumbnail: size('1-thumb.jpg', 10),
        web: size('1-web.jpg', 100_000),
        webWebp: size('1-web.webp', 60_000, 'image/webp'),
        large: size('1-large.jpg', 300_000),
        largeWebp: size('1-large.webp', 310_000, 'image/webp'),
      }),
    )
    expect(files.map((f) => [f.name, f.path, f.bytes])).toEqual([
      ['original', '/media/1.png', 900_000],
      ['web', '/media/1-web.jpg', 100_000],
      ['webWebp', '/media/1-web.webp', 60_000],
      ['large', '/media/1-large.jpg', 300_000],
    ])
  })

  it('lists images only, newest first', () => {
    const pdf = item('3', {}, 'application/pdf')
    expect(libraryImages([item('1', {}), pdf, item('2', {})]).map((i) => i.cmsId)).toEqual(['2', '1'])
  })
})

describe('share cards in the edition cache', () => {
  it('are rendered once and reused by the next build while their words are the same', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pressroom-cards-'))
    try {
      let renders = 0
      const make = async () => {
        renders++
        return new Uint8Array([1, 2, 3])
      }
      const input = { title: 'Families meet the mediators' }
      const first = await new EditionCache(dir).card(input, make)
      const next = new EditionCache(dir)
      expect(await next.card(input, make)).toEqual(first)
      expect(next.stats).toEqual({ rendered: 0, reused: 1 })
      await next.card({ title: 'Another title' }, make)
      expect(renders).toBe(2)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
