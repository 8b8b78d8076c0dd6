import { readFileSync } from 'node:fs'
import path from 'node:path'
import { buildPressKitZip, type PressKitImage } from '@pressroom/shared/editions'
import { unzipSync } from 'fflate'
import type { Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Media } from '../payload-types.ts'
import { createStaff, type StartedPayload, staffPassword, startPayload, testDatabase } from '../testing/payload.ts'
import {
  exifrTags,
  exiftoolTags,
  type ImageExt,
  markers,
  markersIn,
  personalTags,
  position,
  withCameraMetadata,
} from '../testing/photoMetadata.ts'
import { type ServedRest, serveRest } from '../testing/serveRest.ts'

/**
 * Photos lose their location, camera and owner data (ADR 0023): uploaded over real HTTP to the
 * CMS's REST handlers, read back over HTTP from the API's file URLs with real readers (exiftool,
 * exifr), for the original and every size, and inside a press-kit ZIP.
 */
let started: StartedPayload
let payload: Payload
let server: ServedRest
const tokens: Record<'editor' | 'translator', string> = { editor: '', translator: '' }

beforeAll(async () => {
  started = await startPayload()
  payload = started.payload
  server = await serveRest(payload)
  for (const role of ['editor', 'translator'] as const) {
    const user = await createStaff(payload, role)
    const res = await fetch(`${server.url}/api/users/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: user.email, password: staffPassword }),
    })
    tokens[role] = ((await res.json()) as { token: string }).token
  }
})
afterAll(async () => {
  await server?.close()
  await started?.stop()
})

const mimeTypes: Record<ImageExt, string> = {
  jpg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  avif: 'image/avif',
  gif: 'image/gif',
}

/** A portrait picture whose top-left quarter is red and the rest blue, so a rotation shows. */
function picture(width: number, height: number) {
  const red = { create: { width: width / 2, height: height / 2, channels: 3, background: '#d02020' } } as const
  return sharp({ create: { width, height, channels: 3, background: '#2040c0' } }).composite([
    { input: red, left: 0, top: 0 },
  ])
}

async function send(
  method: 'POST' | 'PATCH',
  route: string,
  token: string | undefined,
  body: { file?: { data: Buffer; name: string }; data: Record<string, unknown> },
): Promise<Media> {
  const form = new FormData()
  if (body.file) {
    const ext = path.extname(body.file.name).slice(1) as ImageExt
    form.append('file', new Blob([new Uint8Array(body.file.data)], { type: mimeTypes[ext] }), body.file.name)
  }
  form.append('_payload', JSON.stringify(body.data))
  const res = await fetch(`${server.url}/api${route}`, {
    method,
    body: form,
    headers: token ? { Authorization: `JWT ${token}` } : {},
  })
  const text = await res.text()
  if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${text}`)
  return (JSON.parse(text) as { doc: Media }).doc
}

const upload = (data: Buffer, name: string, fields: Record<string, unknown> = {}, token = tokens.editor) =>
  send('POST', '/media', token, { file: { data, name }, data: { alt: name, ...fields } })

/** A file as the CMS serves it over HTTP (staff token: the bytes, whoever may see them). */
async function served(url: string | null | undefined, token = tokens.editor): Promise<Buffer> {
  const res = await fetch(`${server.url}${url}`, { headers: token ? { Authorization: `JWT ${token}` } : {} })
  expect(res.status, url ?? 'no url').toBe(200)
  return Buffer.from(await res.arrayBuffer())
}

/** The original and every size the CMS made, as served. */
async function everyServedFile(doc: Media, token?: string): Promise<[string, Buffer][]> {
  const files: [string, Buffer][] = [['original', await served(doc.url, token)]]
  for (const [name, size] of Object.entries(doc.sizes ?? {})) {
    if (size?.url) files.push([name, await served(size.url, token)])
  }
  return files
}

async function expectNoPersonalMetadata(name: string, data: Buffer) {
  expect(markersIn(data), name).toEqual([])
  expect(personalTags(await exiftoolTags(data)), name).toEqual([])
  const meta = await sharp(data).metadata()
  expect([meta.exif, meta.xmp, meta.iptc, meta.comments], name).toEqual([undefined, undefined, undefined, undefined])
  expect(meta.orientation ?? 1, name).toBe(1)
}

/** The upload really carries what the test then expects to be gone (so the test can fail). */
async function expectCarriesMetadata(data: Buffer, ext: ImageExt) {
  const expected = ext === 'gif' ? [markers.creator, markers.city, markers.comment] : [markers.make, markers.artist]
  expect(markersIn(data)).toEqual(expect.arrayContaining(expected))
  expect(personalTags(await exiftoolTags(data)).length).toBeGreaterThan(1)
}

describe(`photo metadata (${testDatabase})`, () => {
  it('strips GPS, camera, owner, XMP and IPTC from a JPEG’s original and every size, turns it upright and keeps its ICC profile', async () => {
    const raw = await picture(2000, 3000).withIccProfile('p3').jpeg({ quality: 92 }).toBuffer()
    const upload0 = await withCameraMetadata(raw, 'jpg', 6)
    await expectCarriesMetadata(upload0, 'jpg')
    const before = await exifrTags(upload0)
    expect([before.latitude, before.Make, before.SerialNumber ?? before.BodySerialNumber, before.Orientation]).toEqual([
      expect.closeTo(position.latitude, 3),
      markers.make,
      markers.serial,
      6,
    ])
    expect(before.creator ?? before.Creator).toBeDefined()

    const doc = await upload(upload0, 'family.jpg', { credit: 'Press office' })
    const files = await everyServedFile(doc)
    expect(files.map(([name]) => name)).toEqual(['original', 'thumbnail', 'web', 'webWebp', 'large', 'largeWebp'])
    for (const [name, data] of files) {
      await expectNoPersonalMetadata(name, data)
      if (!name.endsWith('Webp')) {
        const tags = await exifrTags(data)
        for (const key of [
          'latitude',
          'longitude',
          'GPSLatitude',
          'Make',
          'Model',
          'SerialNumber',
          'BodySerialNumber',
        ]) {
          expect(tags[key], `${name} ${key}`).toBeUndefined()
        }
        for (const key of ['LensSerialNumber', 'OwnerName', 'CameraOwnerName', 'Artist', 'Copyright', 'creator']) {
          expect(tags[key], `${name} ${key}`).toBeUndefined()
        }
        expect(tags['By-line'] ?? tags.Byline, name).toBeUndefined()
        expect(tags.Orientation ?? 1, name).toBe(1)
      }
    }

    // Upright: the raw 2000×3000 pixels shown turned by 90°, the red corner now top right.
    const original = files[0]![1]
    const stored = await sharp(original).metadata()
    expect([stored.format, stored.width, stored.height]).toEqual(['jpeg', 3000, 2000])
    expect([doc.width, doc.height, doc.filesize, doc.mimeType]).toEqual([3000, 2000, original.length, 'image/jpeg'])
    const pixel = async (x: number, y: number) =>
      [...(await sharp(original).extract({ left: x, top: y, width: 1, height: 1 }).raw().toBuffer())].slice(0, 3)
    expect((await pixel(2900, 100))[0]).toBeGreaterThan(150)
    expect((await pixel(100, 100))[0]).toBeLessThan(100)
    expect(doc.sizes?.web).toMatchObject({ width: 1200, height: 800 })
    // The colour profile is the upload's, byte for byte, and still says Display P3.
    expect(stored.icc).toEqual((await sharp(upload0).metadata()).icc)
    expect(String((await exifrTags(original)).ProfileDescription)).toMatch(/P3/)
    // High quality: full-resolution colour.
    expect(stored.chromaSubsampling).toBe('4:4:4')
  })

  it('strips EXIF, XMP and PNG text from a PNG without changing a pixel', async () => {
    const raw = await picture(1800, 900).png().toBuffer()
    const withMeta = await withCameraMetadata(raw, 'png')
    await expectCarriesMetadata(withMeta, 'png')
    expect((await exifrTags(withMeta)).latitude).toBeCloseTo(position.latitude, 3)
    const doc = await upload(withMeta, 'poster.png')
    const files = await everyServedFile(doc)
    for (const [name, data] of files) {
      await expectNoPersonalMetadata(name, data)
      if (!name.endsWith('Webp')) expect((await exifrTags(data)).latitude, name).toBeUndefined()
    }
    const original = files[0]![1]
    expect((await sharp(original).metadata()).format).toBe('png')
    expect(await sharp(original).raw().toBuffer()).toEqual(await sharp(raw).raw().toBuffer())
    expect(doc.filename).toBe('poster.png')
  })

  it('strips EXIF and XMP from a WebP, and stores its own high-quality encoding with the ICC profile (not Payload’s)', async () => {
    const raw = await picture(2600, 1300).withIccProfile('p3').webp({ quality: 90 }).toBuffer()
    const withMeta = await withCameraMetadata(raw, 'webp', 6)
    await expectCarriesMetadata(withMeta, 'webp')
    const doc = await upload(withMeta, 'march.webp')
    const files = await everyServedFile(doc)
    for (const [name, data] of files) await expectNoPersonalMetadata(name, data)
    const original = files[0]![1]
    const meta = await sharp(original).metadata()
    expect([meta.format, meta.width, meta.height, doc.width, doc.height]).toEqual(['webp', 1300, 2600, 1300, 2600])
    expect(meta.icc).toEqual((await sharp(withMeta).metadata()).icc)
    expect(doc.filesize).toBe(original.length)
    expect(doc.filename).toBe('march.webp')
  })

  it('strips AVIF and GIF originals too, in their own format', async () => {
    for (const ext of ['avif', 'gif'] as const) {
      const raw = await picture(1400, 1000)
        .toFormat(ext === 'avif' ? 'avif' : 'gif')
        .toBuffer()
      const withMeta = await withCameraMetadata(raw, ext)
      await expectCarriesMetadata(withMeta, ext)
      const doc = await upload(withMeta, `banner.${ext}`)
      for (const [name, data] of await everyServedFile(doc)) await expectNoPersonalMetadata(`${ext} ${name}`, data)
      expect(doc.mimeType).toBe(mimeTypes[ext])
      expect(doc.filename).toBe(`banner.${ext}`)
      const original = await served(doc.url)
      expect((await sharp(original).metadata()).format).toBe(ext === 'avif' ? 'heif' : 'gif')
      expect(doc.filesize).toBe(original.length)
    }
  })

  it('keeps every frame of an animated GIF and a lossless animated WebP, pixel for pixel', async () => {
    const frame = (colour: string) =>
      sharp({ create: { width: 240, height: 120, channels: 3, background: colour } })
        .png()
        .toBuffer()
    const frames = await Promise.all(['#c03030', '#30c030', '#3030c0'].map(frame))
    for (const ext of ['gif', 'webp'] as const) {
      const animation = await sharp(frames, { join: { animated: true } })
        .toFormat(ext, ext === 'webp' ? { lossless: true } : {})
        .toBuffer()
      const withMeta = await withCameraMetadata(animation, ext)
      await expectCarriesMetadata(withMeta, ext)
      const doc = await upload(withMeta, `animation.${ext}`)
      const original = await served(doc.url)
      await expectNoPersonalMetadata(ext, original)
      expect((await sharp(original).metadata()).pages, ext).toBe(3)
      const pixels = (data: Buffer) => sharp(data, { animated: true }).raw().toBuffer()
      expect(await pixels(original), ext).toEqual(await pixels(animation))
      expect([doc.width, doc.height], ext).toEqual([240, 120])
    }
  })

  it('keeps the original’s metadata only when an editor ticks keepMetadata; the sizes stay clean, the flag is staff-only', async () => {
    const withMeta = await withCameraMetadata(await picture(2600, 1400).jpeg().toBuffer(), 'jpg', 6)
    const kept = await upload(withMeta, 'kept.jpg', { keepMetadata: true })
    expect(kept.keepMetadata).toBe(true)
    const files = await everyServedFile(kept)
    const [, original] = files[0]!
    expect(original).toEqual(withMeta)
    const tags = await exifrTags(original)
    expect([tags.latitude, tags.Make, tags.Artist]).toEqual([
      expect.closeTo(position.latitude, 3),
      markers.make,
      markers.artist,
    ])
    for (const [name, data] of files.slice(1)) await expectNoPersonalMetadata(name, data)

    // Used by a published kit, so anonymous readers may see the image, but not the flag.
    await payload.create({
      collection: 'press-kits',
      data: { title: 'Kit with a kept photo', slug: 'kit-with-a-kept-photo', media: [kept.id], _status: 'published' },
    })
    const anonymous = (await (await fetch(`${server.url}/api/media/${kept.id}`)).json()) as Record<string, unknown>
    expect(anonymous.filename).toBe('kept.jpg')
    expect(anonymous).not.toHaveProperty('keepMetadata')
    const asTranslator = await fetch(`${server.url}/api/media/${kept.id}`, {
      headers: { Authorization: `JWT ${tokens.translator}` },
    })
    expect(((await asTranslator.json()) as Media).keepMetadata).toBe(true)
  })

  it('ignores keepMetadata from a translator: the file is stripped and the flag stays off', async () => {
    const withMeta = await withCameraMetadata(await picture(1000, 800).jpeg().toBuffer(), 'jpg')
    const doc = await upload(withMeta, 'translator.jpg', { keepMetadata: true }, tokens.translator)
    expect((await payload.findByID({ collection: 'media', id: doc.id })).keepMetadata).toBe(false)
    await expectNoPersonalMetadata('original', await served(doc.url))
  })

  it('strips a replacement file uploaded over REST, and cleans the stored original when an editor unticks keepMetadata', async () => {
    const clean = await upload(await picture(1600, 1000).jpeg().toBuffer(), 'replaced.jpg')
    const replacement = await withCameraMetadata(await picture(1000, 1600).jpeg().toBuffer(), 'jpg', 6)
    const replaced = await send('PATCH', `/media/${clean.id}`, tokens.editor, {
      file: { data: replacement, name: 'replaced.jpg' },
      data: {},
    })
    expect([replaced.width, replaced.height]).toEqual([1600, 1000])
    for (const [name, data] of await everyServedFile(replaced)) await expectNoPersonalMetadata(name, data)

    const withMeta = await withCameraMetadata(await picture(1600, 1000).jpeg().toBuffer(), 'jpg')
    const kept = await upload(withMeta, 'untick.jpg', { keepMetadata: true })
    expect(markersIn(await served(kept.url))).not.toEqual([])
    // A translator's save cannot untick it, so nothing is cleaned then.
    await send('PATCH', `/media/${kept.id}`, tokens.translator, { data: { keepMetadata: false, credit: 'T' } })
    expect(markersIn(await served(kept.url))).not.toEqual([])
    const unticked = await send('PATCH', `/media/${kept.id}`, tokens.editor, { data: { keepMetadata: false } })
    expect(unticked.keepMetadata).toBe(false)
    expect(unticked.filename).toBe('untick.jpg')
    const original = await served(unticked.url)
    await expectNoPersonalMetadata('unticked', original)
    expect(unticked.filesize).toBe(original.length)
    expect(Date.parse(unticked.updatedAt)).toBeGreaterThan(Date.parse(kept.updatedAt))
  })

  it('refuses to duplicate an image that keeps its metadata, and to untick keepMetadata in a bulk edit', async () => {
    const withMeta = await withCameraMetadata(await picture(800, 600).jpeg().toBuffer(), 'jpg')
    const kept = await upload(withMeta, 'no-copy.jpg', { keepMetadata: true })
    const res = await fetch(`${server.url}/api/media/${kept.id}/duplicate`, {
      method: 'POST',
      headers: { Authorization: `JWT ${tokens.editor}`, 'Content-Type': 'application/json' },
      body: '{}',
    })
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('cannot be duplicated')
    const bulk = await fetch(`${server.url}/api/media?where[id][equals]=${kept.id}`, {
      method: 'PATCH',
      headers: { Authorization: `JWT ${tokens.editor}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ keepMetadata: false }),
    })
    expect(await bulk.text()).toContain('one image at a time')
    expect(markersIn(await served(kept.url))).not.toEqual([])
  })

  it('puts no GPS position in a press-kit ZIP built from the files the CMS serves', async () => {
    const withMeta = await withCameraMetadata(await picture(2600, 1600).jpeg().toBuffer(), 'jpg', 6)
    const image = await upload(withMeta, 'kit-photo.jpg', { credit: 'Press office', licence: 'CC BY 4.0' })
    await payload.create({
      collection: 'press-kits',
      locale: 'en',
      data: { title: 'Kit with a photo', slug: 'kit-with-a-photo', media: [image.id], _status: 'published' },
    })
    // As the site builds it: the kit from the anonymous API, the files downloaded from their URLs.
    const res = await fetch(`${server.url}/api/press-kits?where[slug][equals]=kit-with-a-photo&locale=en&depth=1`)
    const kit = ((await res.json()) as { docs: { media: Media[] }[] }).docs[0]!
    const images: PressKitImage[] = []
    for (const m of kit.media) {
      images.push({
        filename: m.filename!,
        original: { data: await served(m.url, '') },
        webVersions: await Promise.all(
          (['web', 'webWebp'] as const).map(async (size) => ({
            filename: m.sizes![size]!.filename!,
            source: { data: await served(m.sizes![size]!.url, '') },
          })),
        ),
        alt: m.alt,
      })
    }
    const built = await buildPressKitZip({
      locale: 'en',
      slug: 'kit-with-a-photo',
      title: 'Kit with a photo',
      organizationName: 'Test',
      url: 'https://press.example.org/en/press-kits/kit-with-a-photo/',
      images,
      documents: [],
    })
    const pictures = Object.entries(unzipSync(built.zip)).filter(([name]) => name.includes('/images/'))
    expect(pictures.map(([name]) => name.replace(/^.*\/images\//, '')).sort()).toEqual([
      'original/kit-photo.jpg',
      'web/kit-photo-1200x1950.jpg',
      'web/kit-photo-1200x1950.webp',
    ])
    for (const [name, data] of pictures) {
      await expectNoPersonalMetadata(name, Buffer.from(data))
      if (name.endsWith('.jpg')) expect((await exifrTags(data)).latitude, name).toBeUndefined()
    }
  })

  it('stores what Payload wrote to disk: the served original is the file in the upload folder', async () => {
    const doc = await upload(await withCameraMetadata(await picture(900, 700).jpeg().toBuffer(), 'jpg'), 'disk.jpg')
    const onDisk = readFileSync(path.join(started.uploadDir, 'media', doc.filename!))
    expect(await served(doc.url)).toEqual(onDisk)
    expect(markersIn(onDisk)).toEqual([])
  })
})
