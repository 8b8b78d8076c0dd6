import { getCollection } from 'astro:content'
import { cachedFile, fileResponse } from '../../lib/files.ts'
import type { StaticRoute } from '../../lib/paths.ts'

export async function getStaticPaths() {
  const files = (await getCollection('documentFiles')).map((entry) => entry.data)
  return files.map((file) => ({ params: { file: file.filename }, props: { file } }))
}

export const GET: StaticRoute<typeof getStaticPaths> = async ({ props: { file } }) =>
  fileResponse(await cachedFile('files', file, file), file.filename)
