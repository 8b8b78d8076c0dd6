import type { Payload } from 'payload'
import { planDispatch } from '../../../notices/dispatch/planDispatch.ts'
import { requestSubscription } from '../../../subscriptions/requestSubscription.ts'
import type { StaffUser } from '../../../testing/payload.ts'
import { createDispatchAs } from '../dispatches.ts'

/**
 * A confirmed subscriber to everything in both languages, one to a daily digest of everything, one who
 * takes both languages in one e-mail, one who reads only Russian, one to a weekly digest in English, and
 * one who has just asked to subscribe (through the service the subscribe form uses) and has a
 * confirmation e-mail due.
 */
export async function plantSubscribers(payload: Payload, topic: { slug: string }) {
  const confirmed = { status: 'active', locale: 'en', tokenVersion: 1, confirmedAt: new Date().toISOString() } as const
  const active = await payload.create({
    collection: 'subscribers',
    data: {
      email: 'journalist@example.org',
      status: 'active',
      locale: 'en',
      languages: ['en', 'ru'],
      tokenVersion: 1,
      confirmedAt: new Date().toISOString(),
    },
  })
  // Digests list what was released in their period (docs/adr/0046): this one reads them.
  await payload.create({
    collection: 'subscribers',
    data: {
      email: 'digest-journalist@example.org',
      status: 'active',
      locale: 'en',
      languages: ['en', 'ru'],
      frequency: 'daily',
      tokenVersion: 1,
      confirmedAt: new Date().toISOString(),
    },
  })
  // The same publications in one bilingual e-mail (docs/adr/0045): the audit reads that message too.
  await payload.create({
    collection: 'subscribers',
    data: {
      email: 'bilingual-journalist@example.org',
      status: 'active',
      locale: 'ru',
      languages: ['en', 'ru'],
      languageFormat: 'bilingual',
      tokenVersion: 1,
    },
  })
  // Told in Russian of a release that exists only in English (docs/adr/0045), once it is released.
  await payload.create({
    collection: 'subscribers',
    data: { ...confirmed, email: 'russian-only-journalist@example.org', locale: 'ru', languages: ['ru'] },
  })
  // A weekly digest whose period holds the embargo's end: planned only after it (docs/adr/0046).
  await payload.create({
    collection: 'subscribers',
    data: { ...confirmed, email: 'weekly-journalist@example.org', languages: ['en'], frequency: 'weekly' },
  })
  const email = 'pending-journalist@example.org'
  await requestSubscription(payload, {
    email,
    locale: 'ru',
    languages: ['ru'],
    kinds: ['pressRelease'],
    topics: [topic.slug],
  })
  const pending = await payload.find({ collection: 'subscribers', where: { email: { equals: email } }, depth: 0 })
  return { active: active.id, pending: pending.docs[0]!.id }
}

/** Dispatches the public notice to one institution by e-mail; returns its acknowledgement link. */
export async function dispatchNotice(payload: Payload, editor: StaffUser, noticeId: number): Promise<string> {
  const recipient = await payload.create({
    collection: 'recipients',
    locale: 'en',
    data: {
      kind: 'embassy',
      name: 'Embassy (leak audit)',
      country: 'US',
      emails: [{ address: 'consular@example.org' }],
      preferredLanguage: 'ru',
      preferredChannels: ['email'],
    },
  })
  const dispatch = await createDispatchAs(payload, editor, { notice: noticeId, recipients: [recipient.id] })
  await planDispatch(payload, dispatch.id)
  const rows = await payload.find({
    collection: 'dispatch-recipients',
    where: { dispatch: { equals: dispatch.id } },
    depth: 0,
  })
  const link = rows.docs[0]?.acknowledgementLink
  if (!link) throw new Error('The dispatch planned no acknowledgement link.')
  return link
}
