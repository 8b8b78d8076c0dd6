import { documentPath, type Locale, localeCodes, type TimeZone, zoneOrDefault } from '@pressroom/shared'
import type { Payload, PayloadRequest } from 'payload'
import { releaseOf } from '../access/embargo.ts'

/** What can be sent ahead: press releases, the one kind with an embargo. */
export const advanceCollection = 'press-releases' as const

type RawRelease = Record<string, unknown> & { id: number | string; slug?: unknown; embargoUntil?: unknown }

/** A published press release whose embargo is still ahead, in every language it has. */
export type EmbargoedRelease = {
  id: number
  byLocale: Partial<Record<Locale, RawRelease>>
  languages: Locale[]
  embargo: Date
  zone: TimeZone
  slug: string
}

/**
 * The published version of a release in every language, and whether it is still under embargo
 * (the one rule, access/embargo.ts). `state: 'released'` once the instant has passed; `none` for
 * a draft, a release without an embargo, or no such document.
 */
export async function loadRelease(
  payload: Payload,
  id: number,
  options: { req?: PayloadRequest; now?: Date; defaultZone?: TimeZone } = {},
): Promise<
  { state: 'embargoed'; release: EmbargoedRelease } | { state: 'released'; slug: string } | { state: 'none' }
> {
  const byLocale: Partial<Record<Locale, RawRelease>> = {}
  for (const locale of localeCodes) {
    const doc = (await payload.findByID({
      collection: advanceCollection,
      id,
      locale,
      fallbackLocale: false,
      depth: 0,
      draft: false,
      overrideAccess: true,
      disableErrors: true,
      req: options.req,
    })) as RawRelease | null
    if (!doc) return { state: 'none' }
    byLocale[locale] = doc
  }
  const base = (byLocale.en ?? byLocale.ru) as RawRelease
  const slug = String(base.slug ?? id)
  const release = releaseOf(base, options.now ?? new Date())
  if (release.released) return { state: 'released', slug }
  if (!release.until) return { state: 'none' }
  const languages = localeCodes.filter((locale) => {
    const title = byLocale[locale]?.title
    return typeof title === 'string' && title.trim() !== ''
  })
  if (languages.length === 0) return { state: 'none' }
  return {
    state: 'embargoed',
    release: {
      id,
      byLocale,
      languages,
      embargo: release.until,
      zone: zoneOrDefault(base.embargoUntil_tz, options.defaultZone),
      slug,
    },
  }
}

/** The release's public page in `locale`, on the site. */
export function publicReleaseUrl(siteUrl: string, locale: Locale, slug: string): string {
  return `${siteUrl}${documentPath(locale, 'pressRelease', slug)}`
}
