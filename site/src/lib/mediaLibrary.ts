/**
 * The media library (ADR 0048): every image the site has, which is every public image (the loader
 * reads uploads as an anonymous reader, so only what the upload-visibility rule makes public,
 * ADR 0022), with the files a journalist may download. A WebP size is offered only where it is
 * smaller than the JPEG of the same size: a WebP larger than its JPEG saves nobody anything.
 */
import { mediaPath } from '@pressroom/shared'
import type { ImageSize, MediaItem } from './schemas.ts'

export type LibraryFile = {
  /** `original` or the CMS's size name (web, webWebp, large, largeWebp). */
  name: string
  filename: string
  path: string
  width: number
  height: number
  bytes: number
  mimeType: string
}

/** The sizes offered for download, each WebP after the JPEG it may replace; thumbnails are for the page. */
const downloadSizes = [
  ['web', 'webWebp'],
  ['large', 'largeWebp'],
] as const

function libraryFile(name: string, file: Pick<ImageSize, 'filename' | 'width' | 'height' | 'mimeType' | 'filesize'>) {
  return {
    name,
    filename: file.filename,
    path: mediaPath(file.filename),
    width: file.width,
    height: file.height,
    bytes: file.filesize,
    mimeType: file.mimeType,
  }
}

/** The files of one image a journalist can download: the untouched original first, then its web sizes. */
export function libraryFiles(item: MediaItem): LibraryFile[] {
  const files: LibraryFile[] = [libraryFile('original', { ...item, filename: item.filename })]
  for (const [jpeg, webp] of downloadSizes) {
    const plain = item.sizes[jpeg]
    const smaller = item.sizes[webp]
    if (plain) files.push(libraryFile(jpeg, plain))
    if (smaller && (!plain || smaller.filesize < plain.filesize)) files.push(libraryFile(webp, smaller))
  }
  return files
}

/** The images of the library, newest first (by their last change), then by id for a stable order. */
export function libraryImages(media: Iterable<MediaItem>): MediaItem[] {
  return [...media]
    .filter((item) => item.mimeType.startsWith('image/'))
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.cmsId.localeCompare(b.cmsId, 'en', { numeric: true }))
}
