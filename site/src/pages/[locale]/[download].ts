import { type Locale, localeCodes } from '@pressroom/shared'
import type { APIRoute } from 'astro'
import { siteEditions } from '../../lib/downloads.ts'
import type { Download } from '../../lib/editions.ts'
import { fileResponse } from '../../lib/files.ts'

/** Every PDF edition and press-kit ZIP of a language, next to its checksums.txt (/en/GC-ST-2021-001-en.pdf). */
export async function getStaticPaths() {
  const editions = await siteEditions()
  const paths = []
  for (const locale of localeCodes) {
    for (const download of await editions.downloads(locale as Locale)) {
      paths.push({ params: { locale, download: download.filename }, props: { download } })
    }
  }
  return paths
}

export const GET: APIRoute = async ({ props }) => {
  const { download } = props as { download: Download }
  const editions = await siteEditions()
  return fileResponse(await editions.read(download), download.filename)
}
