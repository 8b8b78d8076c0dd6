import sharp from 'sharp'

/**
 * What a stored image carries that stripImageMetadata would remove: EXIF (GPS, camera, owner),
 * XMP, IPTC, PNG text, JPEG comments and vendor blocks, a rotation left to the viewer. Empty for
 * an image stripImageMetadata wrote, so a second clean-up finds nothing to do. GIF comments and
 * XMP are not looked for: Payload always re-encoded GIF and WebP originals, dropping them.
 */
export async function findPersonalMetadata(data: Buffer): Promise<string[]> {
  const meta = await sharp(data, { limitInputPixels: false }).metadata()
  const found = meta.format === 'jpeg' ? jpegMetadataSegments(data) : []
  if (meta.exif) found.push('EXIF')
  if (meta.xmp) found.push('XMP')
  if (meta.iptc) found.push('IPTC')
  if (meta.comments?.length) found.push('text')
  if (meta.orientation && meta.orientation !== 1) found.push(`orientation ${meta.orientation}`)
  return [...new Set(found)]
}

const jfif = 0xe0
const iccProfile = 0xe2
const adobeColour = 0xee

/**
 * The segments before the image data other than JFIF, the ICC profile and Adobe's colour
 * marker (all three are what sharp itself writes): EXIF and XMP (APP1), Photoshop/IPTC (APP13),
 * comments and any vendor block (APP3–APP15).
 */
function jpegMetadataSegments(data: Buffer): string[] {
  const found: string[] = []
  let at = 2
  while (at + 4 <= data.length && data[at] === 0xff) {
    const marker = data[at + 1] as number
    if (marker === 0xff) {
      at += 1 // fill byte
      continue
    }
    if (marker === 0xda || marker === 0xd9) break // start of scan, end of image
    const length = data.readUInt16BE(at + 2)
    const body = data.toString('latin1', at + 4, Math.min(at + 2 + length, at + 40))
    if (marker === 0xfe) found.push('comment')
    else if (marker === 0xe1)
      found.push(body.startsWith('Exif') ? 'EXIF' : body.includes('ns.adobe.com') ? 'XMP' : 'APP1')
    else if (marker === 0xed) found.push('IPTC')
    else if (marker >= 0xe0 && marker <= 0xef && ![jfif, iccProfile, adobeColour].includes(marker)) {
      found.push(`APP${marker - 0xe0}`)
    }
    at += 2 + length
  }
  return found
}
