import slugify from '@sindresorhus/slugify'

/** Lower-case ASCII words joined by single hyphens; the same slug serves both languages. */
export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

export const maxSlugLength = 96

/** Builds a URL slug from a title in any working language (Cyrillic is transliterated). */
export function toSlug(title: string): string {
  const slug = slugify(title, { lowercase: true, decamelize: false })
  if (slug.length <= maxSlugLength) return slug
  const cut = slug.slice(0, maxSlugLength)
  const lastHyphen = cut.lastIndexOf('-')
  return lastHyphen > 0 ? cut.slice(0, lastHyphen) : cut
}

/** Returns an error message a person can act on, or null when the slug is usable. */
export function checkSlug(slug: unknown): string | null {
  if (typeof slug !== 'string' || slug.length === 0) return 'A slug is required.'
  if (slug.length > maxSlugLength) return `A slug may have at most ${maxSlugLength} characters.`
  if (!slugPattern.test(slug)) {
    return 'A slug may contain only lower-case latin letters, digits and single hyphens between them (for example "founding-statement").'
  }
  return null
}
