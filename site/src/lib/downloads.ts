/** The build's one set of editions over the loaded content; pages and endpoints share it. */
import path from 'node:path'
import { editionsEnabled, fileCacheDir } from '../config.ts'
import { perBuild, previewing } from './buildScope.ts'
import { allPublications, documentFilesById, mediaById, pressContactsById, pressKitsById, settings } from './content.ts'
import { EditionCache } from './editionCache.ts'
import { SiteEditions } from './editions.ts'

export const editionCacheDir = path.join(fileCacheDir, 'editions')

export const siteEditions = perBuild(async (): Promise<SiteEditions> => {
  const [publications, media, files, contacts, kits, site] = await Promise.all([
    allPublications(),
    mediaById(),
    documentFilesById(),
    pressContactsById(),
    pressKitsById(),
    settings(),
  ])
  return new SiteEditions(
    { publications, media, files, contacts, kits: [...kits.values()], settings: site },
    new EditionCache(editionCacheDir),
    // A preview shows the page only: the draft's PDF is previewed in the admin, not written to the site's cache.
    editionsEnabled && !previewing(),
  )
})
