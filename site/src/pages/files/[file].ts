import { getCollection } from 'astro:content'
import type { APIRoute } from 'astro'
import { cachedFile, fileResponse } from '../../lib/files.ts'
import type { DocumentFile } from '../../lib/normalize.ts'

export async function getStaticPaths() {
  const files = (await getCollection('documentFiles')).map((entry) => entry.data as DocumentFile)
  return files.map((file) => ({ params: { file: file.filename }, props: { file } }))
}

export const GET: APIRoute = async ({ props }) => {
  const { file } = props as { file: DocumentFile }
  return fileResponse(await cachedFile('files', file, file), file.filename)
}
