import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import exifr from 'exifr'

const run = promisify(execFile)

/** Values no encoder would write by itself: finding one in a file's bytes means it leaked. */
export const markers = {
  make: 'MakeMarkerQ7',
  model: 'ModelMarkerQ7',
  serial: 'SerialMarkerQ7',
  lensSerial: 'LensSerialMarkerQ7',
  owner: 'OwnerMarkerQ7',
  artist: 'ArtistMarkerQ7',
  copyright: 'CopyrightMarkerQ7',
  creator: 'CreatorMarkerQ7',
  byline: 'BylineMarkerQ7',
  city: 'CityMarkerQ7',
  comment: 'CommentMarkerQ7',
}
export const position = { latitude: 55.7558, longitude: 37.6173 }

export type ImageExt = 'jpg' | 'png' | 'webp' | 'avif' | 'gif'

/**
 * The image with what a camera, its owner and a photo editor write, by the real exiftool (Debian
 * libimage-exiftool-perl): GPS position, make, model, serial numbers, owner, artist, copyright
 * (EXIF), creator and city (XMP), by-line (IPTC, JPEG only) and a comment, where the format
 * holds them (GIF: XMP and comment only). `orientation` sets the EXIF orientation.
 */
export async function withCameraMetadata(image: Buffer, ext: ImageExt, orientation?: number): Promise<Buffer> {
  const exif = [
    `-EXIF:GPSLatitude=${position.latitude}`,
    '-EXIF:GPSLatitudeRef=N',
    `-EXIF:GPSLongitude=${position.longitude}`,
    '-EXIF:GPSLongitudeRef=E',
    `-EXIF:Make=${markers.make}`,
    `-EXIF:Model=${markers.model}`,
    `-EXIF:SerialNumber=${markers.serial}`,
    `-EXIF:LensSerialNumber=${markers.lensSerial}`,
    `-EXIF:OwnerName=${markers.owner}`,
    `-EXIF:Artist=${markers.artist}`,
    `-EXIF:Copyright=${markers.copyright}`,
    ...(orientation ? [`-EXIF:Orientation#=${orientation}`] : []),
  ]
  const xmp = [`-XMP-dc:Creator=${markers.creator}`, `-XMP-photoshop:City=${markers.city}`]
  const tags = {
    jpg: [
      ...exif,
      ...xmp,
      `-IPTC:By-line=${markers.byline}`,
      `-IPTC:City=${markers.city}`,
      `-Comment=${markers.comment}`,
    ],
    png: [...exif, ...xmp, `-PNG:Comment=${markers.comment}`, `-PNG:Author=${markers.artist}`],
    webp: [...exif, ...xmp],
    avif: [...exif, ...xmp],
    gif: [...xmp, `-Comment=${markers.comment}`],
  }[ext]
  return withTempFile(image, ext, async (file) => {
    await run('exiftool', ['-q', '-overwrite_original', ...tags, file])
    return readFileSync(file)
  })
}

/** Every tag exiftool reads from the file, as "Group:Tag" (-G1), numbers as numbers. */
export async function exiftoolTags(data: Uint8Array): Promise<Record<string, unknown>> {
  return withTempFile(Buffer.from(data), 'img', async (file) => {
    const { stdout } = await run('exiftool', ['-j', '-G1', '-a', '-n', file], { maxBuffer: 16 * 1024 * 1024 })
    return (JSON.parse(stdout) as Record<string, unknown>[])[0] ?? {}
  })
}

/**
 * The tags that are personal metadata: any EXIF, XMP, IPTC or Photoshop block, and comments or
 * author texts. Kept on purpose and not listed: the ICC profile (its own "copyright" line
 * included), dimensions, density.
 */
export function personalTags(tags: Record<string, unknown>): string[] {
  return Object.keys(tags).filter((key) =>
    /^(IFD\d|ExifIFD|GPS|InteropIFD|MakerNotes|IPTC|Photoshop|XMP[-\w]*):|:(Comment|Author|Artist|Copyright)$/.test(
      key,
    ),
  )
}

/** The markers found in the file's bytes (any encoding exiftool uses writes them as ASCII). */
export function markersIn(data: Uint8Array): string[] {
  const text = Buffer.from(data).toString('latin1')
  return Object.values(markers).filter((marker) => text.includes(marker))
}

/** The blocks exifr reads where cameras, phones and photo editors write personal metadata. */
export const exifrPersonalBlocks = {
  tiff: true,
  exif: true,
  gps: true,
  interop: true,
  ifd1: true,
  xmp: true,
  iptc: true,
} as const

/** exifr's reading of every block it knows (JPEG, PNG, AVIF; it reads neither WebP nor GIF). */
export async function exifrTags(data: Uint8Array): Promise<Record<string, unknown>> {
  const parsed = await exifr.parse(Buffer.from(data), {
    ...exifrPersonalBlocks,
    icc: true,
    mergeOutput: true,
    // Numbers as written (orientation 6, not "Rotate 90 CW").
    translateValues: false,
  })
  return (parsed ?? {}) as Record<string, unknown>
}

async function withTempFile<T>(data: Buffer, ext: string, use: (file: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pressroom-exif-'))
  try {
    const file = path.join(dir, `image.${ext}`)
    writeFileSync(file, data)
    return await use(file)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
