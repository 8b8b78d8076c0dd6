import sharp, { type Metadata, type Sharp } from 'sharp'
import { maxImagePixels } from '../hooks/limitUpload.ts'

/**
 * The image re-encoded by sharp in its own format, upright, with its ICC colour profile and
 * nothing else: sharp writes no EXIF, XMP, IPTC, comments or vendor blocks unless told to, so
 * whatever the upload carried (GPS, camera serial, owner, unknown maker notes) cannot survive.
 * Settings keep the press original close to the upload (ADR 0023).
 */
export async function stripImageMetadata(input: Buffer): Promise<Buffer> {
  const meta = await sharp(input, { limitInputPixels: maxImagePixels }).metadata()
  // Every frame of an animation; a still image is read as one page.
  const animated = (meta.format === 'gif' || meta.format === 'webp') && (meta.pages ?? 1) > 1
  let image = sharp(input, { limitInputPixels: maxImagePixels, animated }).autoOrient().keepIccProfile()
  // sharp writes 8 bits unless the output colour space says otherwise: keep 16-bit images 16-bit.
  if (meta.depth === 'ushort' && (meta.space === 'rgb16' || meta.space === 'grey16')) {
    image = image.toColourspace(meta.space)
  }
  return encodeAs(image, meta, input).toBuffer()
}

function encodeAs(image: Sharp, meta: Metadata, input: Buffer): Sharp {
  switch (meta.format) {
    case 'jpeg':
      // Full-resolution colour (4:4:4) and a high quality: one generation costs little.
      return image.jpeg({ quality: 95, chromaSubsampling: '4:4:4' })
    case 'png':
      // Lossless; level 9 only spends time on the size.
      return image.png({ compressionLevel: 9 })
    case 'webp':
      return isLosslessWebp(input)
        ? image.webp({ lossless: true })
        : image.webp({ quality: 95, alphaQuality: 100, smartSubsample: true })
    case 'heif':
      // AVIF (Media accepts no other HEIF). The default effort took minutes for 24 megapixels.
      return image.avif({ quality: 90, chromaSubsampling: '4:4:4', effort: 0 })
    case 'gif':
      // The GIF's own palette is reused, so the colours and every frame stay as they were.
      return image.gif({ reuse: true })
    default:
      throw new Error(`no clean encoding for ${meta.format ?? 'an unknown'} image`)
  }
}

/** Whether a WebP holds lossless ("VP8L") image data, in a still image or in animation frames. */
export function isLosslessWebp(data: Buffer): boolean {
  const chunks = (from: number, to: number): boolean => {
    for (let at = from; at + 8 <= to; ) {
      const type = data.toString('latin1', at, at + 4)
      const size = data.readUInt32LE(at + 4)
      if (type === 'VP8L') return true
      // An animation frame: a 16-byte header, then the frame's own chunks.
      if (type === 'ANMF' && chunks(at + 8 + 16, Math.min(at + 8 + size, to))) return true
      at += 8 + size + (size % 2)
    }
    return false
  }
  return data.toString('latin1', 8, 12) === 'WEBP' && chunks(12, data.length)
}
