/**
 * The `cacheKey` of every page a `getStaticPaths()` generates (Astro's `experimental.incrementalBuild`,
 * docs/adr/0051-incremental-site-builds.md). A page whose key equals last build's (and whose code is
 * unchanged: Astro hashes the route's module graph itself) is copied from the last build instead of
 * rendered, so a key must change whenever anything the page shows changes. It is therefore made of:
 * - the page's own params and props (the documents it renders, with their `updatedAt`);
 * - the site digest: everything the layout and the shared components read (site settings, topics,
 *   press contacts, media, files, the hand-written pages, the build's settings and the fingerprints
 *   of the PDF and share-card renderers, which Vite does not see);
 * - what else the page reads, named by the route: the documents its internal links lead to, or, for
 *   the few pages that show the archive as a whole, a digest of every publication and press kit.
 * Press kits are not in the site digest: only the kit pages and the kits index show them (a kit's
 * public list of publications changes when an embargo ends, which should not re-render every page).
 * When unsure, a route asks for more: a stale page is a defect, a re-render only costs time.
 */

import { getCollection } from 'astro:content'
import { createHash } from 'node:crypto'
import { relationId } from '@pressroom/shared'
import { cardsFingerprint } from '@pressroom/shared/cards'
import { editionsFingerprint } from '@pressroom/shared/editions'
import { basePath, editionsEnabled, pageSize, publicCmsUrl, siteUrl } from '../config.ts'
import { perBuild } from './buildScope.ts'
import {
  allPublications,
  documentFilesById,
  mediaById,
  pressContactsById,
  pressKitsById,
  publicationByLink,
  settings,
  topicsById,
} from './content.ts'
import type { Publication } from './schemas.ts'

function digest(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64url')
}

/** Sorted entries, so a map read in another order gives the same digest. */
function entriesOf<V>(map: Map<string, V>): [string, V][] {
  return [...map].sort(([a], [b]) => a.localeCompare(b))
}

/** Everything besides a page's own data that the layout and the shared components read. */
export const siteDigest = perBuild(async (): Promise<string> => {
  const [site, topics, contacts, media, files, pages] = await Promise.all([
    settings(),
    topicsById(),
    pressContactsById(),
    mediaById(),
    documentFilesById(),
    getCollection('pages'),
  ])
  return digest({
    site,
    topics: entriesOf(topics),
    contacts: entriesOf(contacts),
    media: entriesOf(media),
    files: entriesOf(files),
    pages: pages.map((page) => [page.id, page.digest ?? page.body ?? page.data]).sort(),
    build: { siteUrl, basePath, publicCmsUrl, editionsEnabled, pageSize },
    renderers: editionsEnabled ? [editionsFingerprint(), cardsFingerprint()] : [],
  })
})

/** Every publication and press kit: for the pages that show the archive as a whole (home, indexes, kits). */
export const archiveDigest = perBuild(async (): Promise<string> => {
  const [publications, kits] = await Promise.all([allPublications(), pressKitsById()])
  return digest({ publications, kits: entriesOf(kits) })
})

/** Every `{ relationTo, value }` in a rich text: the documents (and media) a body links to. */
function relationsIn(node: unknown, found: [string, string][]): [string, string][] {
  if (Array.isArray(node)) {
    for (const child of node) relationsIn(child, found)
  } else if (node && typeof node === 'object') {
    const { relationTo, value } = node as { relationTo?: unknown; value?: unknown }
    if (typeof relationTo === 'string' && value != null) found.push([relationTo, String(relationId(value))])
    for (const child of Object.values(node)) relationsIn(child, found)
  }
  return found
}

/** What a document's internal links show: each target's kind and slug, or that it is not on the site. */
export async function linkTargetsOf(pub: Publication): Promise<unknown[]> {
  const target = await publicationByLink()
  const relations = Object.values(pub.versions).flatMap((version) => relationsIn(version?.body, []))
  return relations.map(([relationTo, id]) => {
    const linked = target(relationTo, id)
    return [relationTo, id, linked ? [linked.kind, linked.slug] : null]
  })
}

type StaticPath = { params: Record<string, string | undefined>; props?: Record<string, unknown> }

/**
 * The paths with their `cacheKey`: the page's params and props, the site digest and what
 * `dependsOn` names for the path.
 */
export async function withCacheKeys<P extends StaticPath>(
  paths: P[],
  dependsOn?: (path: P) => Promise<unknown> | unknown,
): Promise<(P & { cacheKey: string })[]> {
  const site = await siteDigest()
  return Promise.all(
    paths.map(async (path) => ({
      ...path,
      cacheKey: digest([site, path.params, path.props ?? null, dependsOn ? await dependsOn(path) : null]),
    })),
  )
}
