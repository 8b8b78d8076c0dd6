/**
 * The site's downloadable editions (ADR 0013, "On the site"): a PDF per publication and language it really
 * exists in, a ZIP per press kit and language, a vCard per press contact, and each language's
 * checksums.txt. Pure over the site's loaded data (no astro:content), so tests drive it with a
 * loader's store. Only what the loader read as an anonymous reader is here: a draft or an
 * embargoed release is simply not in `SiteData`, so nothing of it reaches a PDF, ZIP or list.
 */
import {
  contactsPath,
  type DocumentKind,
  documentKinds,
  documentPath,
  editionDownloadPath,
  type Locale,
  localeCodes,
  pressKitPath,
  refPath,
  relationId,
  vcardPath,
  zoneOrDefault,
} from '@pressroom/shared'
import {
  buildPressKitZip,
  checksumsTxt,
  type PressContact as EditionContact,
  type EditionDocument,
  type PressKit as EditionKit,
  editionFilename,
  editionFromPublication,
  type PressKitImage,
  pressContactVcard,
  pressKitFilename,
  vcardFilename,
} from '@pressroom/shared/editions'
import type { EditionCache } from './editionCache.ts'
import { cachedFilePath } from './files.ts'
import type { DocumentFile, MediaItem, PressContact, PressKit, Publication, SiteSettings } from './schemas.ts'
import { absoluteUrl } from './urls.ts'
import { localized, pick } from './values.ts'

/** Everything the editions are made from: the loader's published entries. */
export type SiteData = {
  publications: Publication[]
  media: Map<string, MediaItem>
  files: Map<string, DocumentFile>
  contacts: Map<string, PressContact>
  kits: PressKit[]
  settings: SiteSettings
}

export type Download = {
  /** The language of the file's content. */
  locale: Locale
  type: 'pdf' | 'zip'
  /** The file's own name: the same on the site, in checksums.txt and inside a press kit. */
  filename: string
  /** Path inside the site (without the base path). */
  path: string
  bytes: number
  sha256: string
  /** Where the bytes are on disk (the edition cache). */
  file: string
}

export type Vcard = { contact: PressContact; filename: string; path: string; text: string }

/** The web sizes a press kit carries besides the untouched original (ADR 0015). */
const kitImageSizes = ['web', 'webWebp'] as const
const kindOfCollection = Object.fromEntries(documentKinds.map((k) => [k.collection, k.kind])) as Record<
  string,
  DocumentKind
>

const byCmsId = (a: { cmsId: string }, b: { cmsId: string }) => a.cmsId.localeCompare(b.cmsId, 'en', { numeric: true })

export class SiteEditions {
  private readonly pdfs = new Map<string, Promise<Download | undefined>>()
  private readonly zips = new Map<string, Promise<Download | undefined>>()
  private readonly vcardsByLocale = new Map<Locale, Map<string, Vcard>>()
  private readonly publicationsByKey: Map<string, Publication>

  /** `withFiles: false` makes no PDF and no ZIP (SITE_EDITIONS=off, for the benchmark); vCards are still made. */
  constructor(
    readonly data: SiteData,
    readonly cache: EditionCache,
    readonly withFiles = true,
  ) {
    this.publicationsByKey = new Map(data.publications.map((p) => [`${p.kind}:${p.cmsId}`, p]))
  }

  organizationName(locale: Locale): string {
    return localized(this.data.settings.organizationName, locale)
  }

  /** The edition of `pub` in `locale`, or undefined when it has no text in that language (or no reference number). */
  edition(pub: Publication, locale: Locale): EditionDocument | undefined {
    const version = pub.versions[locale]
    if (!version || !pub.referenceNumber) return undefined
    return editionFromPublication(
      {
        title: version.title,
        summary: version.summary,
        place: version.place,
        date: pub.date,
        date_tz: pub.zone,
        body: version.body,
        referenceNumber: pub.referenceNumber,
        signatories: version.signatories,
        addressees: version.addressees.map((group) => ({ group })),
        formalClosing: version.formalClosing,
        // A correction is never hidden: its note in this language, else in the other one.
        changeNotes: pub.changeNotes.map((n) => ({ date: n.date, kind: n.kind, note: localized(n.note, locale) })),
        _status: 'published',
      },
      {
        locale,
        kind: pub.kind,
        organizationName: this.organizationName(locale),
        url: absoluteUrl(documentPath(locale, pub.kind, pub.slug)),
        citeUrl: absoluteUrl(refPath(pub.referenceNumber)),
        isFallback: false,
        defaultZone: zoneOrDefault(this.data.settings.defaultTimezone),
        richText: {
          resolveInternalLink: (relationTo, value) => {
            const id = String(relationId(value))
            const target = this.publicationsByKey.get(`${kindOfCollection[relationTo]}:${id}`)
            return target ? absoluteUrl(documentPath(locale, target.kind, target.slug)) : undefined
          },
        },
      },
    )
  }

  /** The PDF edition of `pub` in `locale`, rendered unless the cache has this exact input. */
  pdf(pub: Publication, locale: Locale): Promise<Download | undefined> {
    const key = `${pub.kind}:${pub.cmsId}:${locale}`
    let pending = this.pdfs.get(key)
    if (!pending) {
      pending = (async () => {
        if (!this.withFiles) return undefined
        const edition = this.edition(pub, locale)
        if (!edition) return undefined
        const filename = editionFilename(edition)
        const cached = await this.cache.pdf(edition)
        return { locale, type: 'pdf', filename, path: editionDownloadPath(locale, filename), ...cached }
      })()
      this.pdfs.set(key, pending)
    }
    return pending
  }

  /** Every PDF edition of a publication, one per language it exists in, the reader's language first. */
  async pdfsOf(pub: Publication, readerLocale: Locale): Promise<Download[]> {
    const order = [readerLocale, ...localeCodes.filter((l) => l !== readerLocale)]
    const found = await Promise.all(order.map((l) => this.pdf(pub, l)))
    return found.filter((d): d is Download => !!d)
  }

  /** The publications of a kit the public can read, in the kit's order. */
  kitPublications(kit: PressKit): Publication[] {
    return kit.publications.flatMap((ref) => {
      const pub = this.publicationsByKey.get(`${ref.kind}:${ref.cmsId}`)
      return pub ? [pub] : []
    })
  }

  /** The kit's ZIP in `locale`: its publications' editions in that language, images, files, contacts. */
  kitZip(kit: PressKit, locale: Locale): Promise<Download | undefined> {
    const key = `${kit.cmsId}:${locale}`
    let pending = this.zips.get(key)
    if (!pending) {
      pending = this.withFiles ? this.buildKitZip(kit, locale) : Promise.resolve(undefined)
      this.zips.set(key, pending)
    }
    return pending
  }

  private async buildKitZip(kit: PressKit, locale: Locale): Promise<Download> {
    const documents: { edition: EditionDocument; pdf: Download }[] = []
    for (const pub of this.kitPublications(kit)) {
      const edition = this.edition(pub, locale)
      const pdf = await this.pdf(pub, locale)
      if (edition && pdf) documents.push({ edition, pdf })
    }
    const images = pick(this.data.media, kit.media)
    const files = pick(this.data.files, kit.documents)
    const contacts = pick(this.data.contacts, kit.pressContacts).map((c) => this.contactCard(c, locale))
    const text = (value: string) => value || undefined
    const describedImages = images.map((item) => ({
      item,
      alt: localized(item.alt, locale),
      caption: text(localized(item.caption, locale)),
      credit: item.credit,
      licence: item.licence,
      sizes: kitImageSizes.flatMap((name) => {
        const size = item.sizes[name]
        return size ? [size] : []
      }),
    }))
    const base = {
      locale,
      slug: kit.slug,
      title: localized(kit.title, locale),
      description: text(localized(kit.description, locale)),
      organizationName: this.organizationName(locale),
      url: absoluteUrl(pressKitPath(locale, kit.slug)),
      contacts,
    }
    // The exact input: the cache key. Files are named by their CMS version (the file cache's key too).
    const input = {
      ...base,
      documents: documents.map((d) => d.pdf.sha256),
      images: describedImages.map(({ item, sizes, ...described }) => ({
        ...described,
        version: `${item.cmsId}@${item.updatedAt}`,
        filename: item.filename,
        sizes: sizes.map((s) => s.filename),
      })),
      files: files.map((f) => ({ version: `${f.cmsId}@${f.updatedAt}`, filename: f.filename, title: f.title })),
    }
    const filename = pressKitFilename(kit.slug, locale)
    const cached = await this.cache.zip(input, async () => {
      // Files from disk are always streamed, PDFs always given as bytes: the same file is always
      // added the same way, so the ZIP's bytes stay the same (ADR 0014).
      const kitImages: PressKitImage[] = []
      for (const { item, sizes, ...described } of describedImages) {
        kitImages.push({
          ...described,
          filename: item.filename,
          width: item.width,
          height: item.height,
          original: { file: await cachedFilePath('media', item, item) },
          webVersions: await Promise.all(
            sizes.map(async (size) => ({
              filename: size.filename,
              width: size.width,
              height: size.height,
              source: { file: await cachedFilePath('media', item, size) },
            })),
          ),
        })
      }
      const full: EditionKit = {
        ...base,
        images: kitImages,
        documents: await Promise.all(
          documents.map(async (d) => ({ edition: d.edition, pdf: await this.cache.read(d.pdf.file) })),
        ),
        files: await Promise.all(
          files.map(async (f) => ({
            filename: f.filename,
            title: localized(f.title, locale),
            source: { file: await cachedFilePath('files', f, f) },
          })),
        ),
      }
      const built = await buildPressKitZip(full)
      if (built.filename !== filename) throw new Error(`Press kit ${kit.slug}: ${built.filename} ≠ ${filename}`)
      return built.zip
    })
    return { locale, type: 'zip', filename, path: editionDownloadPath(locale, filename), ...cached }
  }

  /** A press contact as printed in a vCard (and in a kit) for readers of `locale`. */
  contactCard(contact: PressContact, locale: Locale): EditionContact {
    return {
      name: localized(contact.name, locale),
      role: localized(contact.role, locale) || undefined,
      email: contact.email,
      phone: contact.phone,
      languages: contact.languages,
      organizationName: this.organizationName(locale),
      url: absoluteUrl(contactsPath(locale)),
    }
  }

  /** Each press contact's vCard for `locale`, by CMS id; names made unique in the order of the ids. */
  vcards(locale: Locale): Map<string, Vcard> {
    let found = this.vcardsByLocale.get(locale)
    if (!found) {
      found = new Map()
      const taken = new Set<string>()
      for (const contact of [...this.data.contacts.values()].sort(byCmsId)) {
        const card = this.contactCard(contact, locale)
        const wanted = vcardFilename(card.name)
        let filename = wanted
        for (let n = 2; taken.has(filename); n++) filename = wanted.replace(/\.vcf$/, `-${n}.vcf`)
        taken.add(filename)
        found.set(contact.cmsId, {
          contact,
          filename,
          path: vcardPath(locale, filename),
          text: pressContactVcard(card, locale),
        })
      }
      this.vcardsByLocale.set(locale, found)
    }
    return found
  }

  /** The bytes of a PDF or ZIP (from the edition cache). */
  read(download: Download): Promise<Uint8Array> {
    return this.cache.read(download.file)
  }

  /** Every PDF and ZIP of one language: the files its checksums.txt lists. */
  async downloads(locale: Locale): Promise<Download[]> {
    const pdfs = await Promise.all(this.data.publications.map((pub) => this.pdf(pub, locale)))
    const zips: Download[] = []
    for (const kit of [...this.data.kits].sort(byCmsId)) {
      const zip = await this.kitZip(kit, locale)
      if (zip) zips.push(zip)
    }
    return [...pdfs.filter((d): d is Download => !!d), ...zips]
  }

  /** GNU sha256sum format; names are the files' own names, which sit next to checksums.txt. */
  async checksums(locale: Locale): Promise<string> {
    return checksumsTxt((await this.downloads(locale)).map((d) => ({ path: d.filename, sha256: d.sha256 })))
  }
}
