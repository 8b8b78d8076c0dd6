/** The build's one set of editions over the loaded content; pages and endpoints share it. */
import path from 'node:path'
import { editionsEnabled, fileCacheDir } from '../config.ts'
import { allPublications, documentFilesById, mediaById, pressContactsById, pressKitsById, settings } from './content.ts'
import { EditionCache } from './editionCache.ts'
import { SiteEditions } from './editions.ts'

export const editionCacheDir = path.join(fileCacheDir, 'editions')

let editions: Promise<SiteEditions> | undefined

export function siteEditions(): Promise<SiteEditions> {
  editions ??= (async () => {
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
      editionsEnabled,
    )
  })()
  return editions
}
