import type { CollectionSlug, Payload } from 'payload'
import type { AuditRecord } from '../records.ts'
import { anonymousRecord, inParallel } from './http.ts'

/** The ways a reader can ask for a list or a document: every depth, every language, drafts and fallbacks. */
const listVariants = [
  ...[0, 1, 2, 3].flatMap((depth) =>
    ['all', 'en', 'ru'].flatMap((locale) => [
      `depth=${depth}&locale=${locale}`,
      `depth=${depth}&locale=${locale}&draft=true`,
    ]),
  ),
  'locale=ru&fallback-locale=en&depth=2',
  'locale=en&fallback-locale=ru&depth=2',
  'locale=ru&fallback-locale=none&depth=2&draft=true',
  'fallback-locale=null&depth=1',
]
/** Asking for drafts by status, in collections that have them. */
const draftVariants = [
  'where[_status][equals]=draft&locale=all&depth=1',
  'where[_status][equals]=published&draft=true&locale=all&depth=1',
]
const byIdVariants = [
  'depth=0&locale=all',
  'depth=3&locale=all',
  'depth=3&locale=all&draft=true',
  'depth=1&locale=ru&fallback-locale=en&draft=true',
]
const versionVariants = ['depth=0&locale=all', 'depth=3&locale=all&draft=true']

/**
 * Anonymous REST over HTTP, for every collection and global in the config: lists, every
 * document by id (the ids staff can see), every version by id, with the variants above, plus
 * `/api/access`, `/api/users/me` and `/api/health`.
 */
export async function collectRest(origin: string, payload: Payload): Promise<AuditRecord[]> {
  const paths: string[] = ['/api/access', '/api/users/me', '/api/health']
  for (const collection of payload.config.collections) {
    const slug = collection.slug as CollectionSlug
    const base = `/api/${slug}`
    const drafts = typeof collection.versions === 'object' && collection.versions.drafts
    for (const variant of [...listVariants, ...(drafts ? draftVariants : [])])
      paths.push(`${base}?limit=500&${variant}`)
    for (const id of await staffIds(payload, slug)) {
      for (const variant of byIdVariants) paths.push(`${base}/${id}?${variant}`)
    }
    if (collection.versions) {
      for (const variant of versionVariants) paths.push(`${base}/versions?limit=500&${variant}`)
      for (const id of await versionIds(payload, slug)) {
        for (const variant of versionVariants) paths.push(`${base}/versions/${id}?${variant}`)
      }
    }
  }
  for (const global of payload.config.globals) {
    for (const variant of listVariants.slice(0, 12)) paths.push(`/api/globals/${global.slug}?${variant}`)
    if (global.versions) paths.push(`/api/globals/${global.slug}/versions?locale=all&depth=2`)
  }
  return inParallel(
    paths.map((path) => async () => anonymousRecord(`REST GET ${path}`, await fetch(`${origin}${path}`))),
  )
}

async function staffIds(payload: Payload, collection: CollectionSlug): Promise<(string | number)[]> {
  const found = await payload.find({ collection, depth: 0, limit: 300, pagination: false, overrideAccess: true })
  return found.docs.map((doc) => (doc as { id: string | number }).id)
}

async function versionIds(payload: Payload, collection: CollectionSlug): Promise<(string | number)[]> {
  const found = await payload.findVersions({
    collection,
    depth: 0,
    limit: 300,
    pagination: false,
    overrideAccess: true,
  })
  return found.docs.map((doc) => doc.id)
}
