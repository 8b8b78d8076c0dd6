/**
 * Media and document files copied from the CMS into the site, so readers never fetch anything
 * from another origin. Downloads are cached between builds, keyed by the item's last change.
 */
import { access, mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileCacheDir } from '../config.ts'
import { cmsDownload } from './cms.ts'

/** The cached copy of a CMS file on disk, downloaded first when this version is not cached yet. */
export async function cachedFilePath(
  kind: 'media' | 'files',
  item: { cmsId: string; updatedAt: string },
  file: { filename: string; url: string },
): Promise<string> {
  const version = `${item.cmsId}-${Date.parse(item.updatedAt) || 0}`
  const target = path.join(fileCacheDir, kind, version, path.basename(file.filename))
  try {
    await access(target)
  } catch {
    const bytes = await cmsDownload(file.url)
    await mkdir(path.dirname(target), { recursive: true })
    const partial = `${target}.${process.pid}.part`
    await writeFile(partial, bytes)
    await rename(partial, target)
  }
  return target
}

export async function cachedFile(
  kind: 'media' | 'files',
  item: { cmsId: string; updatedAt: string },
  file: { filename: string; url: string },
): Promise<Uint8Array> {
  return new Uint8Array(await readFile(await cachedFilePath(kind, item, file)))
}

const contentTypes: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.pdf': 'application/pdf',
  '.zip': 'application/zip',
  '.txt': 'text/plain; charset=utf-8',
  '.vcf': 'text/vcard; charset=utf-8',
}

export function fileResponse(bytes: Uint8Array, filename: string): Response {
  const type = contentTypes[path.extname(filename).toLowerCase()] ?? 'application/octet-stream'
  return new Response(bytes as unknown as BodyInit, { headers: { 'content-type': type } })
}
