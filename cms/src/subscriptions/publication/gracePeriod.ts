import type { Payload } from 'payload'

/** Used until an administrator saves the site settings (SiteSettings' own default). */
const defaultGraceSeconds = 120

/**
 * When a publication e-mail that is due now may go: the grace period of the site settings
 * (`publicationEmailGraceSeconds`) from now, or undefined (at once) when it is 0. Until then
 * staff can cancel it (docs/adr/0039).
 */
export async function publicationGraceEnd(payload: Payload, from: Date = new Date()): Promise<Date | undefined> {
  const settings = (await payload.findGlobal({ slug: 'site-settings', depth: 0 })) as {
    publicationEmailGraceSeconds?: number | null
  }
  const seconds = settings.publicationEmailGraceSeconds ?? defaultGraceSeconds
  return seconds > 0 ? new Date(from.getTime() + seconds * 1000) : undefined
}
