import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import sharp from 'sharp'
import { imageMetadataText } from './imageMetadata.ts'
import { gpsNeedle } from './markers.ts'

const run = promisify(execFile)

/** What a camera and its owner leave in a photo: each text is a marker, the position is unique to the photo. */
export type PhotoMetadata = {
  artist: string
  description: string
  xmpDescription: string
  iptcCaption: string
  cameraModel: string
  latitude: number
  longitude: number
}

/**
 * A JPEG carrying EXIF (owner, description, camera, GPS), XMP and IPTC, written by exiftool as a
 * camera or a photo editor would (Debian `libimage-exiftool-perl`). It is read back with the
 * same reader the audit uses, so an audit that finds no GPS cannot be blamed on the photo.
 */
export async function photoWithMetadata(meta: PhotoMetadata, shade: number): Promise<Buffer> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'pressroom-leak-photo-'))
  try {
    const file = path.join(dir, 'photo.jpg')
    const pixels = await sharp({
      create: { width: 1400, height: 900, channels: 3, background: { r: shade, g: 120, b: 255 - shade } },
    })
      .jpeg({ quality: 80 })
      .toBuffer()
    await writeFile(file, pixels)
    try {
      await run('exiftool', [
        '-q',
        '-overwrite_original',
        `-EXIF:Artist=${meta.artist}`,
        `-EXIF:ImageDescription=${meta.description}`,
        '-EXIF:Make=Pressroom Test Camera',
        `-EXIF:Model=${meta.cameraModel}`,
        `-EXIF:GPSLatitude=${meta.latitude}`,
        '-EXIF:GPSLatitudeRef=N',
        `-EXIF:GPSLongitude=${meta.longitude}`,
        '-EXIF:GPSLongitudeRef=E',
        `-XMP-dc:Description=${meta.xmpDescription}`,
        `-IPTC:Caption-Abstract=${meta.iptcCaption}`,
        file,
      ])
    } catch (error) {
      throw new Error(
        `exiftool could not write the test photo's metadata (${(error as Error).message}). Install it: ` +
          'apt-get install -y libimage-exiftool-perl (scripts/system/install-test-services.sh does).',
      )
    }
    const bytes = await readFile(file)
    const readBack = await imageMetadataText(bytes)
    for (const expected of [meta.artist, meta.cameraModel, meta.xmpDescription, meta.iptcCaption]) {
      if (!readBack.includes(expected)) throw new Error(`The test photo's metadata does not read back ${expected}.`)
    }
    if (!readBack.includes(gpsNeedle(meta.latitude, meta.longitude))) {
      throw new Error(`The test photo's GPS position does not read back: ${readBack.slice(0, 500)}`)
    }
    return bytes
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
