import { randomBytes } from 'node:crypto'

/**
 * The words the audit plants in every field and file, and the book that says whose each one is.
 *
 * A marker is one word of lower-case ASCII letters and digits: `lk` + item + field + language +
 * this run's nonce (`lkemtie7q2f`: the embargoed release's English title). URL-encoding, HTML
 * entities, JSON escaping and slugs leave such a word as it is, and the search ignores case, so one
 * search finds it raw and in each of those encodings; the Russian fields carry Cyrillic text around
 * their marker, so their own encoding is really exercised. Encodings that do change a word (gzip,
 * ZIP, MIME, PDF, EXIF) are decoded by the collectors before anything is searched.
 */

/** What the audit made, and when the public may see it. */
export const items = {
  draftStatement: { code: 'ds', label: 'draft statement', release: 'never' },
  draftNotice: { code: 'dn', label: 'draft notice', release: 'never' },
  draftRelease: { code: 'dr', label: 'draft press release', release: 'never' },
  embargoed: { code: 'em', label: 'embargoed press release', release: 'embargo' },
  englishOnly: { code: 'eo', label: 'embargoed press release in English only', release: 'embargo' },
  movedLater: { code: 'ml', label: 'press release whose embargo moved later', release: 'never' },
  unpublished: { code: 'up', label: 'unpublished press release', release: 'never' },
  noticeDraft: { code: 'nd', label: 'unpublished draft on top of the public notice', release: 'never' },
  draftKit: { code: 'dk', label: 'draft press kit', release: 'never' },
  publicRelease: { code: 'pr', label: 'public press release', release: 'now' },
  publicNotice: { code: 'pn', label: 'public notice', release: 'now' },
  publicKit: { code: 'pk', label: 'published press kit', release: 'now' },
  contact: { code: 'pc', label: 'press contact', release: 'now' },
  topic: { code: 'tp', label: 'topic', release: 'now' },
} as const satisfies Record<string, { code: string; label: string; release: 'never' | 'embargo' | 'now' }>

export type ItemKey = keyof typeof items

export type Marker = {
  /** The needle: a marker word, or an ASCII token a collector writes (`gps:59.911,30.322;`, `ref:press-releases:12;`). */
  id: string
  item: ItemKey
  /** e.g. "embargoed press release · image · caption (ru)" */
  label: string
  /** Never public, whatever its item: a consent note, a photo's EXIF. */
  private: boolean
}

export type Lang = 'en' | 'ru'

/** The needle a collector writes for a GPS position it read from an image. */
export const gpsNeedle = (latitude: number, longitude: number) => `gps:${latitude.toFixed(3)},${longitude.toFixed(3)};`

/** The needle a collector writes for a polymorphic relationship it saw (`{relationTo, value}`). */
export const refNeedle = (collection: string, id: string | number) => `ref:${collection}:${id};`

export class MarkerBook {
  readonly nonce = randomBytes(3).toString('hex').slice(0, 4)
  readonly all: Marker[] = []
  private readonly byId = new Map<string, Marker>()

  /** A new marker word for `field` of `item` (two letters each), in one language or none. */
  word(item: ItemKey, field: string, label: string, options: { lang?: Lang; private?: boolean } = {}): string {
    const lang = options.lang ? options.lang[0] : 'x'
    const id = `lk${items[item].code}${field}${lang}${this.nonce}`
    const suffix = options.lang ? ` (${options.lang})` : ''
    return this.add({ id, item, label: `${items[item].label} · ${label}${suffix}`, private: options.private ?? false })
  }

  /** A needle that is not a word (GPS position, relationship id). */
  add(marker: Marker): string {
    if (this.byId.has(marker.id))
      throw new Error(`Two markers share the needle ${marker.id}; give each field its own code.`)
    this.byId.set(marker.id, marker)
    this.all.push(marker)
    return marker.id
  }

  codeOf(item: ItemKey): string {
    return items[item].code
  }

  itemLabel(item: ItemKey): string {
    return items[item].label
  }

  get(id: string): Marker | undefined {
    return this.byId.get(id)
  }

  /** What no outsider may see while only `released` items are public: everything else, and every private field. */
  hidden(released: ReadonlySet<ItemKey>): Marker[] {
    return this.all.filter((m) => m.private || !released.has(m.item))
  }

  /** The public markers of `item`. */
  publicOf(item: ItemKey): Marker[] {
    return this.all.filter((m) => m.item === item && !m.private)
  }
}

/** Items public from the start. */
export const publicNow = new Set(Object.entries(items).flatMap(([k, v]) => (v.release === 'now' ? [k as ItemKey] : [])))
