import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { crc32, deflateSync } from 'node:zlib'
import type { Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createStaff, type StartedPayload, staffPassword, startPayload, testDatabase } from '../testing/payload.ts'
import { minimalPdf } from './helpers/files.ts'
import { httpClient } from './helpers/http.ts'

let started: StartedPayload
let payload: Payload
const maxBytes = 300_000

beforeAll(async () => {
  started = await startPayload({ env: { MAX_UPLOAD_BYTES: String(maxBytes) } })
  payload = started.payload
})
afterAll(async () => {
  await started?.stop()
})

const jpeg = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 90, g: 110, b: 130 } } })
    .jpeg()
    .toBuffer()

/** A PNG whose header claims a huge image while the file is tiny: a decompression bomb. */
function pngBomb(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(body))
    return Buffer.concat([length, body, crc])
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr.set([8, 2, 0, 0, 0], 8)
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(4096))),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

const file = (data: Buffer, name: string, mimetype: string) => ({ data, name, mimetype, size: data.length })

function storedFiles(): string[] {
  const dir = path.join(started.uploadDir, 'media')
  return existsSync(dir) ? readdirSync(dir) : []
}

describe(`media uploads (${testDatabase})`, () => {
  it('stores an image with its web sizes, localized alt text and credit', async () => {
    const doc = await payload.create({
      collection: 'media',
      locale: 'en',
      file: file(await jpeg(3000, 2000), 'mission.jpg', 'image/jpeg'),
      data: { alt: 'The mission office', credit: 'Press office', licence: 'CC BY 4.0' },
    })
    await payload.update({ collection: 'media', id: doc.id, locale: 'ru', data: { alt: 'Офис миссии' } })
    const all = await payload.findByID({ collection: 'media', id: doc.id, locale: 'all' })
    expect(all.alt).toEqual({ en: 'The mission office', ru: 'Офис миссии' })
    expect(doc.width).toBe(3000)
    expect(doc.sizes?.web?.width).toBe(1200)
    expect(doc.sizes?.thumbnail).toMatchObject({ width: 400, height: 300 })
    expect(storedFiles()).toContain('mission.jpg')
  })

  it('keeps the original’s pixels and makes web sizes in JPEG and WebP, none with the original’s metadata', async () => {
    // A PNG with EXIF: the web sizes must be JPEG/WebP whatever came in, and carry no EXIF; the
    // original is the same PNG image without it (ADR 0023; photoMetadata.test.ts goes further).
    const original = await sharp({ create: { width: 2600, height: 1300, channels: 3, background: '#506070' } })
      .png()
      .withExif({ IFD0: { Copyright: 'Camera owner', ImageDescription: 'secret location' } })
      .toBuffer()
    const doc = await payload.create({
      collection: 'media',
      file: file(original, 'poster.png', 'image/png'),
      data: { alt: 'Poster', credit: 'Press room', licence: 'CC0 1.0', consentNote: 'Nobody shown.' },
    })
    const dir = path.join(started.uploadDir, 'media')
    const stored = readFileSync(path.join(dir, doc.filename!))
    expect(await sharp(stored).raw().toBuffer()).toEqual(await sharp(original).raw().toBuffer())
    expect(doc.filesize).toBe(stored.length)
    const expected = {
      web: { mimeType: 'image/jpeg', width: 1200, format: 'jpeg' },
      webWebp: { mimeType: 'image/webp', width: 1200, format: 'webp' },
      large: { mimeType: 'image/jpeg', width: 2400, format: 'jpeg' },
      largeWebp: { mimeType: 'image/webp', width: 2400, format: 'webp' },
    } as const
    for (const [name, want] of Object.entries(expected)) {
      const size = doc.sizes?.[name as keyof typeof expected]
      expect(size, name).toMatchObject({ mimeType: want.mimeType, width: want.width, height: want.width / 2 })
      const meta = await sharp(readFileSync(path.join(dir, size!.filename!))).metadata()
      expect(meta.format, name).toBe(want.format)
      expect(meta.exif, name).toBeUndefined()
    }
    expect((await sharp(original).metadata()).exif).toBeDefined()
    expect((await sharp(stored).metadata()).exif).toBeUndefined()
  })

  it('refuses a file that is not an image, and stores nothing', async () => {
    const before = (await payload.count({ collection: 'media' })).totalDocs
    const filesBefore = storedFiles().length
    await expect(
      payload.create({
        collection: 'media',
        file: file(Buffer.from('<script>alert(1)</script>'), 'photo.png', 'image/png'),
        data: { alt: 'Not an image' },
      }),
    ).rejects.toMatchObject({ status: 400, message: expect.stringContaining('not a readable image') })
    await expect(
      payload.create({
        collection: 'media',
        file: file(
          Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
          'logo.svg',
          'image/svg+xml',
        ),
        data: { alt: 'SVG' },
      }),
    ).rejects.toMatchObject({ status: 400, message: expect.stringContaining('SVG is not accepted') })
    // The same script-bearing SVG under a raster name and type is recognised by its content.
    await expect(
      payload.create({
        collection: 'media',
        file: file(
          Buffer.from(
            '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script><rect width="10" height="10"/></svg>',
          ),
          'photo.png',
          'image/png',
        ),
        data: { alt: 'SVG in disguise' },
      }),
    ).rejects.toMatchObject({ status: 400, message: expect.stringContaining('SVG is not accepted') })
    expect((await payload.count({ collection: 'media' })).totalDocs).toBe(before)
    expect(storedFiles()).toHaveLength(filesBefore)
  })

  it('refuses a script-bearing SVG over REST with 400 and the reason', async () => {
    const http = httpClient(payload)
    const editor = await createStaff(payload, 'editor')
    const token = await http.login(editor.email, staffPassword)
    const form = new FormData()
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8" onload="alert(1)"><rect width="8" height="8"/></svg>'
    form.append('file', new Blob([svg], { type: 'image/svg+xml' }), 'logo.svg')
    form.append('_payload', JSON.stringify({ alt: 'Logo' }))
    const res = await http.post('/media', undefined, { token, form })
    expect(res.status).toBe(400)
    expect(res.text).toContain('SVG is not accepted because it can carry scripts')
    expect(storedFiles()).not.toContain('logo.svg')
  })

  it('refuses a decompression bomb from its header, before decoding it', async () => {
    const bomb = pngBomb(60_000, 60_000)
    expect(bomb.length).toBeLessThan(1000)
    await expect(
      payload.create({ collection: 'media', file: file(bomb, 'bomb.png', 'image/png'), data: { alt: 'Bomb' } }),
    ).rejects.toMatchObject({ status: 400, message: expect.stringContaining('60000×60000 pixels') })
    expect(storedFiles()).not.toContain('bomb.png')
  })

  it('gives Payload a sharp that refuses to decode more pixels than the limit', async () => {
    const decode = started.payload.config.sharp!(pngBomb(20_000, 20_000)).raw().toBuffer()
    await expect(decode).rejects.toThrow(/pixel limit/)
  })

  it('refuses an oversize upload over REST with 413 and a message that gives the limit', async () => {
    const http = httpClient(payload)
    const editor = await createStaff(payload, 'editor')
    const token = await http.login(editor.email, staffPassword)
    const noise = await sharp(
      Buffer.from(Array.from({ length: 600 * 600 * 3 }, () => Math.floor(Math.random() * 256))),
      {
        raw: { width: 600, height: 600, channels: 3 },
      },
    )
      .png()
      .toBuffer()
    expect(noise.length).toBeGreaterThan(maxBytes)
    const before = (await payload.count({ collection: 'media' })).totalDocs

    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(noise)], { type: 'image/png' }), 'noise.png')
    form.append('_payload', JSON.stringify({ alt: 'Noise' }))
    const res = await http.post('/media', undefined, { token, form })
    expect(res.status).toBe(413)
    expect(res.text).toContain('0.3 MB')
    expect((await payload.count({ collection: 'media' })).totalDocs).toBe(before)
    expect(storedFiles()).not.toContain('noise.png')

    const small = new FormData()
    small.append('file', new Blob([new Uint8Array(await jpeg(800, 600))], { type: 'image/jpeg' }), 'small.jpg')
    small.append('_payload', JSON.stringify({ alt: 'Small' }))
    const ok = await http.post('/media', undefined, { token, form: small })
    expect(ok.status).toBe(201)
  })

  it('accepts PDFs as documents and refuses executables', async () => {
    const pdf = minimalPdf()
    const doc = await payload.create({
      collection: 'documents',
      file: file(pdf, 'statement.pdf', 'application/pdf'),
      data: { title: 'Statement (PDF)' },
    })
    expect(doc.mimeType).toBe('application/pdf')
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]), Buffer.alloc(200)])
    await expect(
      payload.create({
        collection: 'documents',
        file: file(elf, 'tool.pdf', 'application/pdf'),
        data: { title: 'Not a PDF' },
      }),
    ).rejects.toMatchObject({ status: 400 })
  })
})
