/** Media files on the built site (copied from the CMS at build time): which file a page shows, and file sizes. */
import { mediaPath } from '@pressroom/shared'
import type { MediaItem } from './schemas.ts'

/** The size readers get on a page: the web size when there is one, else the original. */
export function webImage(item: MediaItem): { path: string; width: number; height: number } {
  const web = item.sizes.web ?? item.sizes.large
  return web
    ? { path: mediaPath(web.filename), width: web.width, height: web.height }
    : { path: mediaPath(item.filename), width: item.width, height: item.height }
}

/** Every file of a media item the site serves: the untouched original and each generated size. */
export function mediaFiles(item: MediaItem): { filename: string; url: string }[] {
  return [
    { filename: item.filename, url: item.url },
    ...Object.values(item.sizes).map((size) => ({ filename: size.filename, url: size.url })),
  ]
}

// Making an Intl.NumberFormat costs far more than using one; every document page shows file sizes.
const numberFormats = new Map<string, Intl.NumberFormat>()

export function formatBytes(bytes: number, locale: string): string {
  const units = locale === 'ru' ? ['Б', 'КБ', 'МБ', 'ГБ'] : ['B', 'KB', 'MB', 'GB']
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  const key = `${locale}:${unit === 0 ? 0 : 1}`
  let format = numberFormats.get(key)
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: unit === 0 ? 0 : 1 })
    numberFormats.set(key, format)
  }
  return `${format.format(value)} ${units[unit]}`
}
