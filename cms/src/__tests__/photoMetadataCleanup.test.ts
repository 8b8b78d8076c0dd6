import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { stripStoredPhotoMetadata } from '../photoMetadata/index.ts'
import { type StartedPayload, startPayload, testDatabase } from '../testing/payload.ts'
import { exiftoolTags, markersIn, personalTags, withCameraMetadata } from '../testing/photoMetadata.ts'

/**
 * The clean-up command's function (`strip-photo-metadata`) on media stored before uploads were
 * cleaned: files with metadata are put straight into the upload folder, past the upload hook.
 */
let started: StartedPayload
let payload: Payload
let dir: string

beforeAll(async () => {
  started = await startPayload()
  payload = started.payload
  dir = path.join(started.uploadDir, 'media')
})
afterAll(async () => {
  await started?.stop()
})

const jpeg = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#6080a0' } })
    .jpeg()
    .toBuffer()

async function create(data: Buffer, name: string, fields: Record<string, unknown> = {}) {
  const mimetype = name.endsWith('.png') ? 'image/png' : 'image/jpeg'
  return payload.create({
    collection: 'media',
    file: { data, name, mimetype, size: data.length },
    data: { alt: name, ...fields },
  })
}

describe(`strip-photo-metadata (${testDatabase})`, () => {
  it('cleans originals and sizes stored with metadata, records their new size and dimensions, leaves kept ones alone, and does nothing the second time', async () => {
    // Stored before this change: the original on disk still has GPS, camera and an orientation.
    const old = await create(await jpeg(2600, 1600), 'old.jpg')
    const oldBytes = await withCameraMetadata(await jpeg(1600, 2600), 'jpg', 6)
    writeFileSync(path.join(dir, old.filename!), oldBytes)
    const webFile = path.join(dir, old.sizes!.web!.filename!)
    writeFileSync(webFile, await withCameraMetadata(readFileSync(webFile), 'jpg'))
    const png = await create(
      await sharp(await jpeg(900, 500))
        .png()
        .toBuffer(),
      'old.png',
    )
    writeFileSync(
      path.join(dir, png.filename!),
      await withCameraMetadata(
        await sharp(await jpeg(900, 500))
          .png()
          .toBuffer(),
        'png',
      ),
    )

    const keptBytes = await withCameraMetadata(await jpeg(1000, 700), 'jpg')
    const kept = await create(keptBytes, 'kept.jpg', { keepMetadata: true })
    const clean = await create(await withCameraMetadata(await jpeg(1000, 700), 'jpg'), 'clean.jpg')
    const gone = await create(await jpeg(500, 400), 'gone.jpg')
    rmSync(path.join(dir, gone.filename!))
    expect(markersIn(readFileSync(path.join(dir, clean.filename!)))).toEqual([])

    const report = await stripStoredPhotoMetadata(payload)
    expect(report.stripped.map((s) => s.id)).toEqual([old.id, png.id])
    expect(report.stripped[0]!.found).toEqual(
      expect.arrayContaining(['EXIF', 'XMP', 'IPTC', 'comment', 'orientation 6', 'EXIF (web)']),
    )
    expect(report.stripped[1]!.found).toEqual(expect.arrayContaining(['EXIF', 'XMP', 'text']))
    expect(report.kept).toEqual([{ id: kept.id, filename: 'kept.jpg' }])
    expect(report.missing).toEqual([{ id: gone.id, filename: 'gone.jpg' }])
    expect(report.alreadyClean).toBe(1)

    const after = await payload.findByID({ collection: 'media', id: old.id })
    expect(after.filename).toBe('old.jpg')
    const original = readFileSync(path.join(dir, 'old.jpg'))
    // Turned upright: the stored 1600×2600 pixels with orientation 6 are 2600×1600 shown.
    expect([after.width, after.height, after.filesize]).toEqual([2600, 1600, original.length])
    expect(Date.parse(after.updatedAt)).toBeGreaterThan(Date.parse(old.updatedAt))
    for (const file of [after.filename, ...Object.values(after.sizes ?? {}).map((size) => size?.filename)]) {
      if (!file) continue
      const data = readFileSync(path.join(dir, file))
      expect(markersIn(data), file).toEqual([])
      expect(personalTags(await exiftoolTags(data)), file).toEqual([])
    }
    expect(markersIn(readFileSync(path.join(dir, 'old.png')))).toEqual([])
    expect(readFileSync(path.join(dir, 'kept.jpg'))).toEqual(keptBytes)

    const again = await stripStoredPhotoMetadata(payload)
    expect(again).toEqual({ stripped: [], kept: report.kept, missing: report.missing, alreadyClean: 3 })
    expect((await payload.findByID({ collection: 'media', id: old.id })).updatedAt).toBe(after.updatedAt)
  })
})
