import type { Payload } from 'payload'
import type { RestAs } from './restAs.ts'

export const draftCollections = ['statements', 'notices', 'press-releases', 'press-kits'] as const
export type DraftCollection = (typeof draftCollections)[number]
type ID = number | string

/** Documents in every state a publishing operation can start from, with the versions to restore. */
export type DraftFixture = {
  collection: DraftCollection
  /** Unique to this fixture; every title starts with it. */
  marker: string
  /** Published "live two" (after "live one"), with a newer unpublished draft on top. */
  live: ID
  liveOneVersion: ID
  draftOnTopVersion: ID
  /** Published once; its newest version is the published one. */
  solo: ID
  /** Never published: "draft one", then "draft two". */
  draft: ID
  draftOneVersion: ID
}

let fixtures = 0

async function versionTitled(payload: Payload, collection: DraftCollection, parent: ID, title: string): Promise<ID> {
  const found = await payload.findVersions({
    collection,
    where: { and: [{ parent: { equals: parent } }, { 'version.title': { equals: title } }] },
    limit: 1,
    depth: 0,
  })
  const version = found.docs[0]
  if (!version) throw new Error(`No version "${title}" of ${collection} ${parent}`)
  return version.id
}

export type FixturePart = 'live' | 'solo' | 'draft'
const allParts: readonly FixturePart[] = ['live', 'solo', 'draft']

/**
 * Written with the Local API as the system, so only the operation under test runs as a role.
 * Only the parts asked for are made; the others are id 0, which no document has.
 */
export async function draftFixture(
  payload: Payload,
  collection: DraftCollection,
  parts: readonly FixturePart[] = allParts,
): Promise<DraftFixture> {
  fixtures += 1
  // "f12x" is no part of "f112x" or "f123x": a `like` on it finds this fixture's documents only.
  const marker = `f${fixtures}x`
  const create = (title: string, status: 'draft' | 'published') =>
    payload.create({ collection, data: { title: `${marker} ${title}`, _status: status } as never, depth: 0 })
  const update = (id: ID, title: string, status: 'draft' | 'published') =>
    payload.update({
      collection,
      id,
      data: { title: `${marker} ${title}`, _status: status } as never,
      draft: status === 'draft',
      depth: 0,
    })
  const version = (parent: ID, title: string) => versionTitled(payload, collection, parent, `${marker} ${title}`)
  const fixture: DraftFixture = {
    collection,
    marker,
    live: 0,
    liveOneVersion: 0,
    draftOnTopVersion: 0,
    solo: 0,
    draft: 0,
    draftOneVersion: 0,
  }

  if (parts.includes('live')) {
    const live = await create('live one', 'published')
    await update(live.id, 'live two', 'published')
    await update(live.id, 'unpublished wording', 'draft')
    fixture.live = live.id
    fixture.liveOneVersion = await version(live.id, 'live one')
    fixture.draftOnTopVersion = await version(live.id, 'unpublished wording')
  }
  if (parts.includes('solo')) fixture.solo = (await create('solo', 'published')).id
  if (parts.includes('draft')) {
    const draft = await create('draft one', 'draft')
    await update(draft.id, 'draft two', 'draft')
    fixture.draft = draft.id
    fixture.draftOneVersion = await version(draft.id, 'draft one')
  }
  return fixture
}

/**
 * What a refused operation must not change: the live row (status, title, time of the last write)
 * of every document whose title carries the fixture's marker, how many documents and versions the
 * collection has, and what an anonymous reader gets over REST.
 */
export async function draftState(payload: Payload, rest: RestAs, collection: DraftCollection, marker: string) {
  const mine = { title: { like: marker } }
  const rows = await payload.find({ collection, where: mine, pagination: false, depth: 0, sort: 'id', draft: false })
  const [documents, versions] = await Promise.all([
    payload.count({ collection }),
    payload.countVersions({ collection }),
  ])
  const anonymous = await rest.call(
    'anonymous',
    'GET',
    `/${collection}?where[title][like]=${marker}&limit=100&depth=0&sort=id`,
  )
  const anonymousTotal = await rest.call('anonymous', 'GET', `/${collection}?limit=1&depth=0`)
  return {
    rows: rows.docs.map((d) => [d.id, d._status, d.title, d.updatedAt]),
    documents: documents.totalDocs,
    versions: versions.totalDocs,
    anonymous: (anonymous.json?.docs ?? []).map((d: { id: ID; title: string }) => [d.id, d.title]),
    anonymousTotal: anonymousTotal.json?.totalDocs,
  }
}

/** The title an anonymous reader gets for one document, or null when it is not public. */
export async function publicTitle(rest: RestAs, collection: DraftCollection, id: ID): Promise<string | null> {
  const reply = await rest.call('anonymous', 'GET', `/${collection}/${id}?depth=0`)
  return reply.status === 200 ? reply.json.title : null
}

/** The newest wording staff see (the latest version, draft or not). */
export async function newestTitle(payload: Payload, collection: DraftCollection, id: ID): Promise<string> {
  const doc = await payload.findByID({ collection, id, draft: true, depth: 0 })
  return doc.title as string
}
