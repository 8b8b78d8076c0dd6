import { type DocumentCollection, kindByCollection, type Locale, localeCodes } from '@pressroom/shared'
import type { PayloadRequest } from 'payload'
import { mailSettings, type OutgoingMessage, personalize } from '../mail/index.ts'
import { loadPublicationExtras } from '../subscriptions/publication/publicationExtras.ts'
import { type PublicationDocument, publicationMessage } from '../subscriptions/publication/publicationMessage.ts'
import { sampleSubscriberLinks } from './sampleLinks.ts'

type Localized<T> = Partial<Record<Locale, T>> | undefined

/**
 * The latest draft of a publication, every language at once, as the signed-in staff member may
 * read it (their own access, never the Local API's), or null.
 */
export async function readDraftPublication(
  req: PayloadRequest,
  collection: DocumentCollection,
  id: number,
): Promise<PublicationDocument | null> {
  return (await req.payload
    .findByID({
      collection,
      id,
      locale: 'all',
      depth: 0,
      draft: true,
      overrideAccess: false,
      user: req.user,
      disableErrors: true,
    })
    .catch(() => null)) as PublicationDocument | null
}

/** The languages a send would go out in: those with a title and not marked missing, as planPublicationSends decides. */
export function publicationLanguages(doc: PublicationDocument): Locale[] {
  const titles = doc.title as Localized<string>
  const states = doc.translationState as Localized<string>
  return localeCodes.filter((locale) => titles?.[locale]?.trim() && states?.[locale] !== 'missing')
}

/**
 * The e-mail subscribers of `locale` would receive for this draft, from the real composer
 * (publicationMessage), with sample links in place of each subscriber's own; `to` is left
 * empty for the caller to fill (a placeholder in a preview, the staff member in a test).
 */
export async function publicationPreviewMessage(
  req: PayloadRequest,
  collection: DocumentCollection,
  id: number,
  doc: PublicationDocument,
  locale: Locale,
): Promise<OutgoingMessage> {
  const template = await publicationMessage({
    doc,
    id,
    kind: kindByCollection(collection).kind,
    locale,
    title: (doc.title as Localized<string>)?.[locale] ?? '',
    settings: await mailSettings(req.payload),
    // The same extras subscribers get: contacts, downloads, images, notes to editors (docs/adr/0047).
    extras: await loadPublicationExtras(req.payload, { ...doc, id }, collection),
  })
  return personalize(template, '', sampleSubscriberLinks)
}
