import { localeCodes } from '@pressroom/shared'
import { siteEditions } from '../../lib/downloads.ts'
import { fileResponse } from '../../lib/files.ts'
import type { StaticRoute } from '../../lib/paths.ts'

/** Every PDF edition and press-kit ZIP of a language, next to its checksums.txt (/en/GC-ST-2021-001-en.pdf). */
export async function getStaticPaths() {
  const editions = await siteEditions()
  const paths = []
  for (const locale of localeCodes) {
    for (const download of await editions.downloads(locale)) {
      paths.push({ params: { locale, download: download.filename }, props: { download } })
    }
  }
  return paths
}

export const GET: StaticRoute<typeof getStaticPaths> = async ({ props: { download } }) => {
  const editions = await siteEditions()
  return fileResponse(await editions.read(download), download.filename)
}
