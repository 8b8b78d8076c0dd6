import { type Locale, localeCodes, type TranslationState, translationStates } from '@pressroom/shared'
import { renderRichText } from '@pressroom/shared/richtext'
import type { CollectionSlug, Payload, TypedUser } from 'payload'

/** One language of a document as the side-by-side view shows it. */
export type LanguageVersion = {
  locale: Locale
  title: string
  /** A publication's summary, a press kit's description. */
  summary: string
  place: string
  /** The body as the site renders it (shared/src/richtext.ts); safe HTML by construction (ADR 0007). */
  bodyHtml: string
  /** Null where the collection keeps no state, or the language was never written. */
  state: TranslationState | null
  textUpdatedAt: string | null
}

export type BothLanguages = {
  /** Of the version shown, the latest: "draft" while it has changes not yet published. */
  status: 'draft' | 'published'
  versions: LanguageVersion[]
}

type Localized = Record<string, unknown> | null | undefined

function text(value: Localized, locale: Locale): string {
  const v = value?.[locale]
  return typeof v === 'string' ? v : ''
}

function state(value: Localized, locale: Locale): TranslationState | null {
  const v = value?.[locale]
  return translationStates.includes(v as TranslationState) ? (v as TranslationState) : null
}

/**
 * Every language of a publication or press kit, from its latest draft, read with the staff
 * member's own access (so a field they may not read stays hidden here too). Null when the
 * document does not exist or they may not read it.
 */
export async function readBothLanguages(args: {
  payload: Payload
  user: TypedUser | null | undefined
  collection: CollectionSlug
  id: number | string
}): Promise<BothLanguages | null> {
  const { payload, user, collection, id } = args
  // Without `req`: the Local API would switch the admin request's own locale to 'all'.
  const doc = (await payload
    .findByID({
      collection,
      id,
      locale: 'all' as never,
      draft: true,
      depth: 0,
      overrideAccess: false,
      user: user ?? undefined,
      disableErrors: true,
    })
    .catch(() => null)) as Record<string, Localized> | null
  if (!doc) return null
  return {
    status: (doc._status as unknown) === 'draft' ? 'draft' : 'published',
    versions: localeCodes.map((locale) => ({
      locale,
      title: text(doc.title, locale),
      summary: text(doc.summary ?? doc.description, locale),
      place: text(doc.place, locale),
      bodyHtml: doc.body?.[locale] ? renderRichText(doc.body[locale]) : '',
      state: state(doc.translationState, locale),
      textUpdatedAt: text(doc.textUpdatedAt, locale) || null,
    })),
  }
}
