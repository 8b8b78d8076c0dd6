/**
 * Share cards (ADR 0048): the Open Graph image of each publication in each language it exists in,
 * and one default card per language for every other page. Rendered at build time and cached with the
 * editions (same folder, same index; keyed by the card's words and the renderer's fingerprint), so a
 * warm build renders only the cards whose words changed. Only loaded publications get a card: a
 * draft or an embargoed release is not in the site's data, so its card does not exist.
 */
import { type DocumentKind, defaultShareCardPath, type Locale, localeCodes, shareCardPath } from '@pressroom/shared'
import { renderShareCard, type ShareCardInput, shareCardSize } from '@pressroom/shared/cards'
import { editionsEnabled } from '../config.ts'
import { t } from '../i18n/ui.ts'
import { perBuild, previewing } from './buildScope.ts'
import { allPublications, formatDate, localized, settings, zoneOf } from './content.ts'
import { siteEditions } from './downloads.ts'
import type { CachedEdition } from './editionCache.ts'
import type { Publication, SiteSettings } from './schemas.ts'

export type ShareCard = { path: string; width: number; height: number; alt: string; input: ShareCardInput }

class SiteCards {
  private readonly files = new Map<string, Promise<CachedEdition>>()

  constructor(
    private readonly site: SiteSettings,
    readonly enabled: boolean,
  ) {}

  private words(locale: Locale) {
    const ui = t(locale)
    return {
      organizationName: localized(this.site.organizationName, locale),
      tagline: `${ui.siteName} · ${ui.initiative}`,
    }
  }

  /** The card of `pub` in `lang`, a language it has a text in; undefined when cards are off. */
  of(pub: Publication, lang: Locale): ShareCard | undefined {
    const version = pub.versions[lang]
    if (!this.enabled || !version) return undefined
    const ui = t(lang)
    const input: ShareCardInput = {
      ...this.words(lang),
      kind: ui.kindSingular[pub.kind],
      title: version.title,
      referenceNumber: pub.referenceNumber || undefined,
      date: formatDate(pub.date, lang, zoneOf(pub, this.site)),
    }
    return {
      path: shareCardPath(lang, pub.kind, pub.slug),
      ...shareCardSize,
      alt: ui.shareCardAlt(input.kind ?? '', version.title),
      input,
    }
  }

  /** The card of every page that is not a document. */
  byDefault(locale: Locale): ShareCard | undefined {
    if (!this.enabled) return undefined
    const ui = t(locale)
    const words = this.words(locale)
    const input: ShareCardInput = { ...words, title: ui.shareCardDefaultTitle }
    return {
      path: defaultShareCardPath(locale),
      ...shareCardSize,
      alt: `${words.organizationName} — ${ui.siteName}`,
      input,
    }
  }

  /** The PNG on disk: from the cache, or rendered into it. One render per card per build. */
  file(card: ShareCard): Promise<CachedEdition> {
    let pending = this.files.get(card.path)
    if (!pending) {
      // The editions' cache: one index for PDFs, ZIPs and cards.
      pending = siteEditions().then((editions) => editions.cache.card(card.input, () => renderShareCard(card.input)))
      this.files.set(card.path, pending)
    }
    return pending
  }
}

/** A preview or SITE_EDITIONS=off makes no card: pages then fall back to their lead image, or none. */
export const shareCards = perBuild(async () => new SiteCards(await settings(), editionsEnabled && !previewing()))

/** Every card of the build: each publication in each language it exists in, and each language's default. */
export async function allShareCards(): Promise<{ locale: Locale; kind?: DocumentKind; card: ShareCard }[]> {
  const [cards, publications] = await Promise.all([shareCards(), allPublications()])
  const out: { locale: Locale; kind?: DocumentKind; card: ShareCard }[] = []
  for (const locale of localeCodes) {
    const fallback = cards.byDefault(locale)
    if (fallback) out.push({ locale, card: fallback })
    for (const pub of publications) {
      const card = cards.of(pub, locale)
      if (card) out.push({ locale, kind: pub.kind, card })
    }
  }
  return out
}

/** The file name of a document's card inside its kind's folder (the route's parameter). */
export function cardFileName(card: ShareCard): string {
  return decodeURIComponent(card.path.split('/').at(-1) ?? '')
}
