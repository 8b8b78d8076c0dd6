import { APIError, type CollectionBeforeOperationHook, type PayloadRequest, type SharpDependency } from 'payload'
import sharp from 'sharp'
import { maxUploadBytes as uploadLimit } from '../http/uploadLimit.ts'
import { adminT } from '../i18n/admin/adminT.ts'
import type { AdminWords } from '../i18n/admin/en.ts'
import { adminTranslations } from '../i18n/admin/translations.ts'

export const maxUploadBytes = uploadLimit()
/** 100 megapixels: larger than any camera a press office uses, small enough to resize safely. */
export const maxImagePixels = Number(process.env.MAX_IMAGE_PIXELS ?? 100_000_000)

/** What sharp calls the formats Media accepts (AVIF is read as heif). */
const rasterFormats = new Set(['jpeg', 'png', 'webp', 'heif', 'gif'])

/** A file size as staff read it ("2.0 MB", "2,0 МБ"). */
export const megabytes = (req: PayloadRequest, bytes: number) =>
  adminT(req.i18n.t, 'uploads')('megabytes', {
    size: (bytes / 1024 / 1024).toLocaleString(req.i18n.language, {
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    }),
  })

/**
 * What Payload's upload parser answers past the limit. It is set once in the config, with no
 * request to read a language from, so it says it in every admin language; the CMS's server
 * refuses oversize bodies before they reach it (http/bodyLimits.ts), so staff rarely see it.
 */
export const uploadLimitMessage = () => {
  const size = `${(maxUploadBytes / 1024 / 1024).toFixed(1)}`
  return (Object.values(adminTranslations) as { pressroom: AdminWords }[])
    .map(({ pressroom: { uploads } }) =>
      uploads.limit.replace('{{limit}}', uploads.megabytes.replace('{{size}}', size)),
    )
    .join(' / ')
}

/** Rejects oversize files before anything is stored (uploads through the Local API). */
export const limitUploadSize: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const size = req.file?.size ?? req.file?.data?.length
  if (size && size > maxUploadBytes) {
    const limit = megabytes(req, maxUploadBytes)
    throw refused(adminT(req.i18n.t, 'uploads')('tooLarge', { size: megabytes(req, size), limit }), 413)
  }
  return args
}

/**
 * Reads only the image header, so a decompression bomb is refused before sharp decodes it;
 * a file that only claims to be an image is refused too.
 */
export const checkImageDimensions: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if ((operation !== 'create' && operation !== 'update') || !req.file?.data) return args
  const say = adminT(req.i18n.t, 'uploads')
  const name = req.file.name
  if (looksLikeSvg(req.file.data)) throw refused(say('svg', { name }))
  let width: number | undefined
  let height: number | undefined
  let format: string | undefined
  try {
    ;({ width, height, format } = await sharp(req.file.data, { limitInputPixels: false }).metadata())
  } catch {
    throw refused(say('notAnImage', { name }))
  }
  if (format === 'svg') throw refused(say('svg', { name }))
  if (!format || !rasterFormats.has(format)) {
    throw refused(format ? say('notRasterIs', { name, format }) : say('notRaster', { name }))
  }
  if (!width || !height) throw refused(say('noDimensions', { name }))
  if (width * height > maxImagePixels) {
    throw refused(say('tooManyPixels', { name, width, height, megapixels: (maxImagePixels / 1e6).toFixed(0) }))
  }
  return args
}

const refused = (message: string, status = 400) => new APIError(message, status, undefined, true)

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
