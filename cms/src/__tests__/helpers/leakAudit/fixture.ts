import type { Payload } from 'payload'
import type { StaffUser } from '../../../testing/payload.ts'
import {
  type PlantedDoc,
  type PublicationCollection,
  plantContact,
  plantDraftOnTop,
  plantKit,
  plantPublication,
  plantTopic,
} from './fixtureContent.ts'
import { dispatchNotice, plantSubscribers } from './fixtureReaders.ts'
import { type PlantedDocument, type PlantedImage, plantDocument, plantImage } from './fixtureUploads.ts'
import { type ItemKey, MarkerBook, refNeedle } from './markers.ts'

export type { PlantedDoc }

/** Everything the audit made, and the book of its markers. */
export type LeakFixture = {
  book: MarkerBook
  docs: Partial<Record<ItemKey, PlantedDoc>>
  images: Partial<Record<ItemKey, PlantedImage>>
  files: Partial<Record<ItemKey, PlantedDocument>>
  subscribers: { active: number; pending: number }
  /** The acknowledgement link of the public notice's dispatch to one institution. */
  acknowledgementLink: string
}

const day = 24 * 3600 * 1000
const inDays = (days: number) => new Date(Date.now() + days * day).toISOString()

/**
 * Builds the audit's content, as staff would, in English and Russian with a marker in every text
 * field, file name and photo: a draft of each kind, an embargoed release, a release whose embargo
 * moves later, an unpublished release, a draft on top of a published notice, a draft press kit
 * (each with its own image and document file), an embargoed release in English only (no files);
 * a published press kit holding the unreleased
 * publications; and, so that the audit can see that it sees, a public release, a public notice,
 * a press contact and a topic. Subscribers (confirmed, pending, daily, weekly, bilingual, Russian
 * only), and a dispatch of the public notice to an institution, fill the outbox.
 */
export async function buildLeakFixture(payload: Payload, editor: StaffUser): Promise<LeakFixture> {
  const book = new MarkerBook()
  const fixture: LeakFixture = {
    book,
    docs: {},
    images: {},
    files: {},
    subscribers: { active: 0, pending: 0 },
    acknowledgementLink: '',
  }
  const uploadsOf = async (item: ItemKey) => {
    fixture.images[item] = await plantImage(payload, book, item)
    fixture.files[item] = await plantDocument(payload, book, item)
    return { media: [fixture.images[item].id], documents: [fixture.files[item].id] }
  }

  const topic = await plantTopic(payload, book)
  const contact = await plantContact(payload, book)
  const publication = async (
    item: ItemKey,
    collection: PublicationCollection,
    options: { publish: boolean; embargoUntil?: string; englishOnly?: boolean },
  ) => {
    // The English-only release tests who is told of it (docs/adr/0045), not its files: none, to stay cheap.
    const uploads = options.englishOnly ? {} : await uploadsOf(item)
    const doc = await plantPublication(payload, book, item, collection, {
      ...options,
      relations: { ...uploads, pressContacts: [contact], topics: [topic.id] },
    })
    fixture.docs[item] = doc
    book.add({
      id: refNeedle(collection, doc.id),
      item,
      label: `${book.itemLabel(item)} · its id in a relationship`,
      private: false,
    })
    // Its reference number names its short link (/ref/<number>/, docs/adr/0047): a number given to a
    // release not public yet must appear nowhere, so no short link of it exists before its instant.
    const { referenceNumber } = ((await payload.findByID({ collection, id: doc.id, depth: 0, disableErrors: true })) ??
      {}) as {
      referenceNumber?: string | null
    }
    if (referenceNumber)
      book.add({ id: referenceNumber, item, label: `${book.itemLabel(item)} · its reference number`, private: false })
    return doc
  }

  await publication('draftStatement', 'statements', { publish: false })
  await publication('draftNotice', 'notices', { publish: false })
  await publication('draftRelease', 'press-releases', { publish: false })
  await publication('embargoed', 'press-releases', { publish: true, embargoUntil: inDays(3) })
  // Its embargo ends inside the daily digest's period, which is planned before it ends: the digest must wait.
  await publication('englishOnly', 'press-releases', {
    publish: true,
    embargoUntil: new Date(Date.now() + 6 * 3600 * 1000).toISOString(),
    englishOnly: true,
  })
  const movedLater = await publication('movedLater', 'press-releases', { publish: true, embargoUntil: inDays(2) })
  await payload.update({
    collection: 'press-releases',
    id: movedLater.id,
    user: editor,
    overrideAccess: false,
    data: { embargoUntil: inDays(30) },
  })
  const unpublished = await publication('unpublished', 'press-releases', { publish: true })
  await payload.update({
    collection: 'press-releases',
    id: unpublished.id,
    user: editor,
    overrideAccess: false,
    data: { _status: 'draft' },
  })
  const publicRelease = await publication('publicRelease', 'press-releases', { publish: true })
  const publicNotice = await publication('publicNotice', 'notices', { publish: true })
  await plantDraftOnTop(payload, book, publicNotice)

  const kit = async (item: ItemKey, publish: boolean, publications: PlantedDoc[]) => {
    const doc = await plantKit(payload, book, item, publish, {
      ...(await uploadsOf(item)),
      pressContacts: [contact],
      publications: publications.map((p) => ({ relationTo: p.collection, value: p.id })),
    })
    fixture.docs[item] = doc
    return doc
  }
  const unreleased = (
    ['draftStatement', 'draftNotice', 'draftRelease', 'embargoed', 'movedLater', 'unpublished'] as const
  ).map((item) => fixture.docs[item]!)
  await kit('draftKit', false, [...unreleased, publicRelease])
  await kit('publicKit', true, [...unreleased, publicRelease])

  fixture.subscribers = await plantSubscribers(payload, topic)
  fixture.acknowledgementLink = await dispatchNotice(payload, editor, publicNotice.id)
  return fixture
}
