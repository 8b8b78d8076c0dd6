/**
 * Short, citable links (docs/adr/0047): every publication the build has (so only what an anonymous
 * reader may read: an embargoed release has no ref page until the build at its instant) gets
 * `/ref/<reference>/`, which picks the reader's language, and `/<locale>/ref/<reference>/`, which
 * leads to that language's page. Both are redirect pages, never indexed and never in the sitemap.
 */
import { type Locale, localeCodes } from '@pressroom/shared'
import { allPublications, documentView, publicationPath } from './content.ts'
import type { Publication } from './schemas.ts'

export type RefTarget = { locale: Locale; path: string }

/** The publications that have a reference number: the ones with a short link. */
export async function citablePublications(): Promise<(Publication & { referenceNumber: string })[]> {
  return (await allPublications()).filter((pub): pub is Publication & { referenceNumber: string } =>
    Boolean(pub.referenceNumber),
  )
}

/**
 * Where each language's short link leads: the document's page in that language (a fallback page
 * when it has no translation, which says so). The first is the one a reader with no matching
 * language gets: the first language the document really exists in.
 */
export function refTargets(pub: Publication): RefTarget[] {
  const { languages } = documentView(pub, localeCodes[0]!)
  const order = [...languages, ...localeCodes.filter((l) => !languages.includes(l))]
  return order.map((locale) => ({ locale, path: publicationPath(pub, locale) }))
}
