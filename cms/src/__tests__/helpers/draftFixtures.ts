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

/** Written with the Local API as the system, so only the operation under test runs as a role. */
export async function draftFixture(payload: Payload, collection: DraftCollection): Promise<DraftFixture> {
  fixtures += 1
  const marker = `f${fixtures}`
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

  const live = await create('live one', 'published')
  await update(live.id, 'live two', 'published')
  await update(live.id, 'unpublished wording', 'draft')
  const solo = await create('solo', 'published')
  const draft = await create('draft one', 'draft')
  await update(draft.id, 'draft two', 'draft')
  return {
    collection,
    marker,
    live: live.id,
    liveOneVersion: await versionTitled(payload, collection, live.id, `${marker} live one`),
    draftOnTopVersion: await versionTitled(payload, collection, live.id, `${marker} unpublished wording`),
    solo: solo.id,
    draft: draft.id,
    draftOneVersion: await versionTitled(payload, collection, draft.id, `${marker} draft one`),
  }
}

/**
 * What a refused operation must not change: every document's live row (status, title, time of
 * the last write), how many versions exist, and what an anonymous reader gets over REST.
 */
export async function draftState(payload: Payload, rest: RestAs, collection: DraftCollection) {
  const rows = await payload.find({ collection, pagination: false, depth: 0, sort: 'id', draft: false })
  const versions = await payload.countVersions({ collection })
  const anonymous = await rest.call('anonymous', 'GET', `/${collection}?limit=1000&depth=0&sort=id`)
  return {
    rows: rows.docs.map((d) => [d.id, d._status, d.title, d.updatedAt]),
    versions: versions.totalDocs,
    anonymous: (anonymous.json?.docs ?? []).map((d: { id: ID; title: string }) => [d.id, d.title]),
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
