import { APIError, type CollectionBeforeOperationHook, type SharpDependency } from 'payload'
import sharp from 'sharp'
import { maxUploadBytes as uploadLimit } from '../http/uploadLimit.ts'

export const maxUploadBytes = uploadLimit()
/** 100 megapixels: larger than any camera a press office uses, small enough to resize safely. */
export const maxImagePixels = Number(process.env.MAX_IMAGE_PIXELS ?? 100_000_000)

/** What sharp calls the formats Media accepts (AVIF is read as heif). */
const rasterFormats = new Set(['jpeg', 'png', 'webp', 'heif', 'gif'])

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

export const uploadLimitMessage = () =>
  `The file is larger than the ${megabytes(maxUploadBytes)} upload limit. Reduce or compress it and upload again.`

/** Rejects oversize files before anything is stored (uploads through the Local API). */
export const limitUploadSize: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const size = req.file?.size ?? req.file?.data?.length
  if (size && size > maxUploadBytes) {
    throw new APIError(
      `The file is ${megabytes(size)}; the largest upload accepted is ${megabytes(maxUploadBytes)}. Reduce or compress it and upload again.`,
      413,
      undefined,
      true,
    )
  }
  return args
}

/**
 * Reads only the image header, so a decompression bomb is refused before sharp decodes it;
 * a file that only claims to be an image is refused too.
 */
export const checkImageDimensions: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if ((operation !== 'create' && operation !== 'update') || !req.file?.data) return args
  if (looksLikeSvg(req.file.data)) throw svgRefused(req.file.name)
  let width: number | undefined
  let height: number | undefined
  let format: string | undefined
  try {
    ;({ width, height, format } = await sharp(req.file.data, { limitInputPixels: false }).metadata())
  } catch {
    throw new APIError(
      `"${req.file.name}" is not a readable image. Upload a JPEG, PNG, WebP, AVIF or GIF file.`,
      400,
      undefined,
      true,
    )
  }
  if (format === 'svg') throw svgRefused(req.file.name)
  if (!format || !rasterFormats.has(format)) {
    throw new APIError(
      `"${req.file.name}" is not a JPEG, PNG, WebP, AVIF or GIF image${format ? ` (it is ${format})` : ''}. Convert it and upload again.`,
      400,
      undefined,
      true,
    )
  }
  if (!width || !height) {
    throw new APIError(`"${req.file.name}" has no readable dimensions. Upload another image.`, 400, undefined, true)
  }
  if (width * height > maxImagePixels) {
    throw new APIError(
      `"${req.file.name}" is ${width}×${height} pixels; images may have at most ${(maxImagePixels / 1e6).toFixed(0)} megapixels. Scale it down and upload again.`,
      400,
      undefined,
      true,
    )
  }
  return args
}

const svgRefused = (name: string) =>
  new APIError(
    `"${name}" is an SVG drawing; SVG is not accepted because it can carry scripts. Export it as PNG and upload that.`,
    400,
    undefined,
    true,
  )

/** An XML text whose first element is <svg>, whatever its name or declared type; also caught when sharp can read it. */
function looksLikeSvg(data: Buffer): boolean {
  const head = data
    .subarray(0, 4096)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
  return /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<svg[\s>]/i.test(head)
}

/**
 * sharp for Payload with the pixel limit on every decode it does (image sizes, crops). Set here
 * rather than as the collection's `constructorOptions`, which would make Payload re-encode every
 * original at its own settings after stripUploadedPhoto prepared it (ADR 0023).
 */
export const limitedSharp: SharpDependency = (input, options) =>
  sharp(input, { limitInputPixels: maxImagePixels, ...options })
