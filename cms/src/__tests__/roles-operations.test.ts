import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { testDatabase } from '../testing/payload.ts'
import { payloadForFile } from '../testing/payloadForFile.ts'
import {
  type DraftCollection,
  type DraftFixture,
  draftCollections,
  draftFixture,
  draftState,
  type FixturePart,
  newestTitle,
  publicTitle,
} from './helpers/draftFixtures.ts'
import { everyone, publishers, type Reply, staff, type Who } from './helpers/restAs.ts'
import { restAsForFile } from './helpers/restAsForFile.ts'
import { problemsWith } from './helpers/roleTable.ts'

/**
 * Every write Payload offers over REST on a collection with drafts, tried by each role on fresh
 * documents (docs/adr/0024): a translator may save drafts of anything, never change what the
 * public reads.
 */

const cms = payloadForFile()
const rest = restAsForFile(cms)
let payload: Payload

beforeAll(() => {
  payload = cms.payload
})

type Operation = {
  name: string
  allowed: readonly Who[]
  /** The fixture's documents this operation works on (the others are not made). */
  uses: readonly FixturePart[]
  run: (who: Who, f: DraftFixture) => Promise<Reply>
  happened: (f: DraftFixture, reply: Reply) => Promise<string | undefined>
}

const t = (f: DraftFixture, title: string) => `${f.marker} ${title}`
const expectPublic = async (f: DraftFixture, id: number | string, title: string | null) => {
  const seen = await publicTitle(rest, f.collection, id)
  return seen === title ? undefined : `the public reads ${JSON.stringify(seen)}, not ${JSON.stringify(title)}`
}
const expectNewest = async (f: DraftFixture, id: number | string, title: string) => {
  const seen = await newestTitle(payload, f.collection, id)
  return seen === title ? undefined : `the newest version is "${seen}", not "${title}"`
}
const both = async (...checks: Promise<string | undefined>[]) => (await Promise.all(checks)).find(Boolean)

/** The one copy a duplicate made: its live status and whether the public can read it. */
async function theCopy(f: DraftFixture, reply: Reply, status: 'draft' | 'published') {
  const id = reply.json?.doc?.id ?? reply.json?.id
  if (!id) return 'no copy in the answer'
  const row = await payload.findByID({ collection: f.collection, id, depth: 0, draft: false })
  if (row._status !== status) return `the copy is ${row._status}, not ${status}`
  return expectPublic(f, id, status === 'published' ? (row.title as string) : null)
}

const operations: Operation[] = [
  {
    name: 'create a draft',
    allowed: staff,
    uses: [],
    run: (who, f) => rest.call(who, 'POST', `/${f.collection}?draft=true`, { body: { title: t(f, 'new') } }),
    happened: (f, reply) => expectPublic(f, reply.json.doc.id, null),
  },
  {
    name: 'create a published document',
    allowed: publishers,
    uses: [],
    run: (who, f) => rest.call(who, 'POST', `/${f.collection}`, { body: { title: t(f, 'new'), _status: 'published' } }),
    happened: (f, reply) => expectPublic(f, reply.json.doc.id, t(f, 'new')),
  },
  {
    name: 'save a draft of a published document',
    allowed: staff,
    uses: ['live'],
    run: (who, f) => rest.call(who, 'PATCH', `/${f.collection}/${f.live}?draft=true`, { body: { title: t(f, 'x') } }),
    happened: (f) => both(expectPublic(f, f.live, t(f, 'live two')), expectNewest(f, f.live, t(f, 'x'))),
  },
  {
    name: 'autosave a draft of a published document',
    allowed: staff,
    uses: ['live'],
    run: (who, f) =>
      rest.call(who, 'PATCH', `/${f.collection}/${f.live}?draft=true&autosave=true`, { body: { title: t(f, 'x') } }),
    happened: (f) => both(expectPublic(f, f.live, t(f, 'live two')), expectNewest(f, f.live, t(f, 'x'))),
  },
  {
    name: 'save a "draft" that says published',
    allowed: publishers,
    uses: ['draft'],
    run: (who, f) =>
      rest.call(who, 'PATCH', `/${f.collection}/${f.draft}?draft=true`, { body: { _status: 'published' } }),
    happened: (f) => expectPublic(f, f.draft, t(f, 'draft two')),
  },
  {
    name: 'change the live version',
    allowed: publishers,
    uses: ['solo'],
    run: (who, f) => rest.call(who, 'PATCH', `/${f.collection}/${f.solo}`, { body: { title: t(f, 'x') } }),
    happened: (f) => expectPublic(f, f.solo, t(f, 'x')),
  },
  {
    name: 'publish a draft',
    allowed: publishers,
    uses: ['draft'],
    run: (who, f) => rest.call(who, 'PATCH', `/${f.collection}/${f.draft}`, { body: { _status: 'published' } }),
    happened: (f) => expectPublic(f, f.draft, t(f, 'draft two')),
  },
  {
    name: 'publish one language',
    allowed: publishers,
    uses: ['draft'],
    run: (who, f) =>
      rest.call(who, 'PATCH', `/${f.collection}/${f.draft}?publishSpecificLocale=en`, {
        body: { _status: 'published' },
      }),
    happened: (f) => expectPublic(f, f.draft, t(f, 'draft two')),
  },
  {
    name: 'unpublish',
    allowed: publishers,
    uses: ['solo'],
    run: (who, f) => rest.call(who, 'PATCH', `/${f.collection}/${f.solo}`, { body: { _status: 'draft' } }),
    happened: (f) => expectPublic(f, f.solo, null),
  },
  {
    name: 'bulk-change live versions',
    allowed: publishers,
    uses: ['solo'],
    run: (who, f) =>
      rest.call(who, 'PATCH', `/${f.collection}?where[id][equals]=${f.solo}`, { body: { title: t(f, 'x') } }),
    happened: (f) => expectPublic(f, f.solo, t(f, 'x')),
  },
  {
    name: 'bulk-publish',
    allowed: publishers,
    uses: ['draft'],
    run: (who, f) =>
      rest.call(who, 'PATCH', `/${f.collection}?where[id][equals]=${f.draft}`, { body: { _status: 'published' } }),
    // Payload's bulk update starts from each live row, so it publishes the first wording, not the
    // newer draft: Payload's behaviour, noted in ADR 0024.
    happened: (f) => expectPublic(f, f.draft, t(f, 'draft one')),
  },
  {
    name: 'bulk-unpublish',
    allowed: publishers,
    uses: ['solo'],
    run: (who, f) =>
      rest.call(who, 'PATCH', `/${f.collection}?where[id][equals]=${f.solo}`, { body: { _status: 'draft' } }),
    happened: (f) => expectPublic(f, f.solo, null),
  },
  {
    name: 'bulk-save drafts',
    allowed: staff,
    uses: ['live', 'solo'],
    run: (who, f) =>
      rest.call(who, 'PATCH', `/${f.collection}?draft=true&where[id][in]=${f.live},${f.solo}`, {
        body: { title: t(f, 'x') },
      }),
    happened: (f) =>
      both(
        expectPublic(f, f.live, t(f, 'live two')),
        expectPublic(f, f.solo, t(f, 'solo')),
        expectNewest(f, f.solo, t(f, 'x')),
      ),
  },
  {
    name: 'duplicate a published document with draft=false',
    allowed: publishers,
    uses: ['solo'],
    run: (who, f) => rest.call(who, 'POST', `/${f.collection}/${f.solo}/duplicate?draft=false`),
    happened: (f, reply) => theCopy(f, reply, 'published'),
  },
  {
    name: 'duplicate a published document (a draft copy by default)',
    allowed: staff,
    uses: ['solo'],
    run: (who, f) => rest.call(who, 'POST', `/${f.collection}/${f.solo}/duplicate`),
    happened: (f, reply) => theCopy(f, reply, 'draft'),
  },
  {
    name: 'duplicate a published document as the admin does (_status: draft)',
    allowed: staff,
    uses: ['solo'],
    run: (who, f) => rest.call(who, 'POST', `/${f.collection}/${f.solo}/duplicate`, { body: { _status: 'draft' } }),
    happened: (f, reply) => theCopy(f, reply, 'draft'),
  },
  {
    name: 'duplicate a published document with draft=false and _status: published',
    allowed: publishers,
    uses: ['live'],
    run: (who, f) =>
      rest.call(who, 'POST', `/${f.collection}/${f.live}/duplicate?draft=false`, { body: { _status: 'published' } }),
    happened: (f, reply) => theCopy(f, reply, 'published'),
  },
  {
    name: 'duplicate a draft with draft=false',
    allowed: staff,
    uses: ['draft'],
    run: (who, f) => rest.call(who, 'POST', `/${f.collection}/${f.draft}/duplicate?draft=false`),
    happened: (f, reply) => theCopy(f, reply, 'draft'),
  },
  {
    name: 'duplicate a published document whose newest version is a draft, with draft=false',
    allowed: staff,
    uses: ['live'],
    run: (who, f) => rest.call(who, 'POST', `/${f.collection}/${f.live}/duplicate?draft=false`),
    happened: (f, reply) => theCopy(f, reply, 'draft'),
  },
  {
    name: 'restore an older published version',
    allowed: publishers,
    uses: ['live'],
    run: (who, f) => rest.call(who, 'POST', `/${f.collection}/versions/${f.liveOneVersion}`),
    happened: (f) => expectPublic(f, f.live, t(f, 'live one')),
  },
  {
    name: 'restore an older published version as a draft',
    allowed: staff,
    uses: ['live'],
    run: (who, f) => rest.call(who, 'POST', `/${f.collection}/versions/${f.liveOneVersion}?draft=true`),
    happened: (f) => both(expectPublic(f, f.live, t(f, 'live two')), expectNewest(f, f.live, t(f, 'live one'))),
  },
  {
    name: 'restore a draft version over the published document',
    allowed: publishers,
    uses: ['live'],
    run: (who, f) => rest.call(who, 'POST', `/${f.collection}/versions/${f.draftOnTopVersion}`),
    happened: (f) => expectPublic(f, f.live, null),
  },
  {
    name: 'restore a draft version of a never-published document',
    allowed: staff,
    uses: ['draft'],
    run: (who, f) => rest.call(who, 'POST', `/${f.collection}/versions/${f.draftOneVersion}`),
    happened: (f) => both(expectPublic(f, f.draft, null), expectNewest(f, f.draft, t(f, 'draft one'))),
  },
  {
    name: 'delete',
    allowed: publishers,
    uses: ['solo'],
    run: (who, f) => rest.call(who, 'DELETE', `/${f.collection}/${f.solo}`),
    happened: (f) => expectPublic(f, f.solo, null),
  },
  {
    name: 'delete a draft',
    allowed: publishers,
    uses: ['draft'],
    run: (who, f) => rest.call(who, 'DELETE', `/${f.collection}/${f.draft}`),
    happened: async (f) =>
      (await payload.count({ collection: f.collection, where: { id: { equals: f.draft } } })).totalDocs === 0
        ? undefined
        : 'the draft is still there',
  },
  {
    name: 'bulk-delete',
    allowed: publishers,
    uses: ['solo', 'draft'],
    run: (who, f) => rest.call(who, 'DELETE', `/${f.collection}?where[id][in]=${f.solo},${f.draft}`),
    happened: async (f) =>
      (await payload.count({ collection: f.collection, where: { id: { in: [f.solo, f.draft] } } })).totalDocs === 0
        ? undefined
        : 'documents are still there',
  },
]

describe(`every REST operation on collections with drafts, by role (${testDatabase})`, () => {
  for (const collection of draftCollections) {
    it(`${collection}`, async () => {
      const problems: string[] = []
      for (const operation of operations) {
        problems.push(
          ...(await problemsWith(
            {
              ...operation,
              setup: () => draftFixture(payload, collection as DraftCollection, operation.uses),
              state: (f) => draftState(payload, rest, collection, f.marker),
            },
            everyone,
          )),
        )
      }
      expect(problems).toEqual([])
    }, 600_000)
  }
})
