import { getCollection } from 'astro:content'
import type { APIRoute } from 'astro'
import { cachedFile, fileResponse } from '../../lib/files.ts'
import { mediaFiles } from '../../lib/media.ts'
import type { MediaItem } from '../../lib/normalize.ts'

export async function getStaticPaths() {
  const media = (await getCollection('media')).map((entry) => entry.data as MediaItem)
  return media.flatMap((item) =>
    mediaFiles(item).map((file) => ({ params: { file: file.filename }, props: { item, file } })),
  )
}

export const GET: APIRoute = async ({ props }) => {
  const { item, file } = props as { item: MediaItem; file: { filename: string; url: string } }
  return fileResponse(await cachedFile('media', item, file), file.filename)
}
