import { getCollection } from 'astro:content'
import { cachedFile, fileResponse } from '../../lib/files.ts'
import { mediaFiles } from '../../lib/media.ts'
import type { StaticRoute } from '../../lib/paths.ts'

export async function getStaticPaths() {
  const media = (await getCollection('media')).map((entry) => entry.data)
  return media.flatMap((item) =>
    mediaFiles(item).map((file) => ({ params: { file: file.filename }, props: { item, file } })),
  )
}

export const GET: StaticRoute<typeof getStaticPaths> = async ({ props: { item, file } }) =>
  fileResponse(await cachedFile('media', item, file), file.filename)
