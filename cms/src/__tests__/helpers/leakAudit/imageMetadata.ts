import exifr from 'exifr'
import { exifrPersonalBlocks } from '../../../testing/photoMetadata.ts'
import { gpsNeedle } from './markers.ts'

/** JPEG, PNG, GIF, WebP, AVIF/HEIF by their first bytes. */
export function isImage(bytes: Uint8Array): boolean {
  const ascii = (from: number, to: number) => Buffer.from(bytes.subarray(from, to)).toString('latin1')
  return (
    (bytes[0] === 0xff && bytes[1] === 0xd8) ||
    ascii(1, 4) === 'PNG' ||
    ascii(0, 3) === 'GIF' ||
    (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') ||
    ascii(4, 8) === 'ftyp'
  )
}

/**
 * What a metadata reader finds in an image (exifr: EXIF, GPS, XMP, IPTC) as text, with any GPS
 * position also written as a `gps:` needle. exifr does not read WebP, so a WebP's EXIF chunk
 * (a TIFF structure) is handed to it on its own.
 */
export async function imageMetadataText(bytes: Uint8Array): Promise<string> {
  const sources: Buffer[] = [Buffer.from(bytes)]
  const webpExif = webpChunk(bytes, 'EXIF')
  if (webpExif) sources.push(webpExif)
  const parts: string[] = []
  for (const source of sources) {
    let meta: Record<string, unknown> | undefined
    try {
      meta = await exifr.parse(source, {
        ...exifrPersonalBlocks,
        ifd0: {},
        icc: false,
        jfif: false,
        mergeOutput: true,
      } as never)
    } catch (error) {
      parts.push(`(metadata unreadable: ${(error as Error).message})`)
      continue
    }
    if (!meta) continue
    parts.push(JSON.stringify(meta, (_key, value) => (value instanceof Uint8Array ? `<${value.length} bytes>` : value)))
    const { latitude, longitude } = meta as { latitude?: number; longitude?: number }
    if (typeof latitude === 'number' && typeof longitude === 'number') parts.push(gpsNeedle(latitude, longitude))
  }
  return parts.join('\n')
}

/** The payload of a RIFF chunk of a WebP file, or undefined. */
function webpChunk(bytes: Uint8Array, fourcc: string): Buffer | undefined {
  const buffer = Buffer.from(bytes)
  if (buffer.toString('latin1', 0, 4) !== 'RIFF' || buffer.toString('latin1', 8, 12) !== 'WEBP') return undefined
  for (let at = 12; at + 8 <= buffer.length; ) {
    const size = buffer.readUInt32LE(at + 4)
    if (buffer.toString('latin1', at, at + 4) === fourcc) {
      const chunk = buffer.subarray(at + 8, at + 8 + size)
      // Some writers put the JPEG APP1 "Exif\0\0" header before the TIFF structure.
      return chunk.toString('latin1', 0, 6) === 'Exif\0\0' ? chunk.subarray(6) : chunk
    }
    at += 8 + size + (size % 2)
  }
  return undefined
}
