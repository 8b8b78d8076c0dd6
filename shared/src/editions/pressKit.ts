import { stat } from 'node:fs/promises'
import path from 'node:path'
import { spreadsheetCsv } from '../csv.ts'
import type { Locale } from '../locales.ts'
import { checksumsTxt, compareBytes, sha256, sha256File } from './checksums.ts'
import { dateLine, editionLabels, pressKitLabels } from './labels.ts'
import { editionLastChange, renderPdfEdition } from './pdf.ts'
import { colors, renderPdf } from './pdfLayout.ts'
import type { EditionDocument } from './types.ts'
import { type PressContact, pressContactVcard, vcardFilename } from './vcard.ts'
import { buildZip, type ZipEntry } from './zip.ts'

/** File contents in memory, or a file on disk (streamed into the ZIP). */
export type FileSource = { data: Uint8Array } | { file: string }

export type PressKitImage = {
  /** The original's file name as uploaded; made safe and unique inside the ZIP. */
  filename: string
  original: FileSource
  width?: number | null
  height?: number | null
  /** Web-sized versions made by the CMS (e.g. a 1200 px JPEG and WebP). */
  webVersions?: { filename: string; source: FileSource; width?: number | null; height?: number | null }[]
  alt: string
  caption?: string | null
  credit?: string | null
  licence?: string | null
}

export type PressKitFile = { filename: string; title: string; source: FileSource }

/**
 * One language of a published press kit, with only what an anonymous reader may see: the
 * caller leaves out drafts and embargoed releases, the builder adds nothing it was not given.
 */
export type PressKit = {
  locale: Locale
  slug: string
  title: string
  description?: string | null
  organizationName: string
  /** The kit's web page. */
  url: string
  images: PressKitImage[]
  /** The related publications in this language; the PDF is rendered unless already given. */
  documents: { edition: EditionDocument; pdf?: Uint8Array }[]
  files?: PressKitFile[]
  contacts?: PressContact[]
}

export type ManifestEntry = {
  path: string
  role: 'fact-sheet' | 'edition' | 'image-original' | 'image-web' | 'file' | 'contact' | 'readme'
  bytes: number
  sha256: string
  title?: string
  referenceNumber?: string
  width?: number
  height?: number
  /** For web versions: the original they were made from. */
  original?: string
  alt?: string
  caption?: string
  credit?: string
  licence?: string
}

export type PressKitManifest = {
  kit: { title: string; description: string; locale: Locale; url: string; organizationName: string }
  files: ManifestEntry[]
}

export type PressKitZip = {
  /** The download's file name, e.g. founding-documents-en.zip. */
  filename: string
  zip: Uint8Array
  bytes: number
  sha256: string
  manifest: PressKitManifest
}

export function pressKitFilename(slug: string, locale: Locale): string {
  return `${safeName(slug)}-${locale}.zip`
}

/** The file name of a PDF edition, the same on the document page and inside a press kit. */
export function editionFilename(edition: Pick<EditionDocument, 'referenceNumber' | 'locale'>): string {
  return `${safeName(edition.referenceNumber)}-${edition.locale}.pdf`
}

/**
 * The ZIP of one language of a press kit: a fact sheet, the documents' PDF editions, original
 * and web-sized images, other document files, vCards, a README, manifest.csv/.json and a
 * checksums.txt, all in one folder named after the kit. Same kit → byte-identical ZIP.
 */
export async function buildPressKitZip(kit: PressKit): Promise<PressKitZip> {
  if (!kit.slug?.trim() || !kit.title?.trim()) throw new Error('A press kit needs a slug and a title to be packed')
  for (const { edition } of kit.documents) {
    if (edition.locale !== kit.locale) {
      throw new Error(
        `The ${edition.locale} edition of ${edition.referenceNumber} cannot go into the ${kit.locale} press kit`,
      )
    }
  }
  const root = `${safeName(kit.slug)}-${kit.locale}`
  const names = new UniqueNames()
  const files: { entry: ManifestEntry; source: FileSource }[] = []
  const add = async (source: FileSource, entry: Omit<ManifestEntry, 'bytes' | 'sha256'>) => {
    const { bytes, hash } = await measure(source)
    files.push({ entry: { ...entry, bytes, sha256: hash }, source })
  }
  const clean = (value: string | null | undefined) => value?.trim() || undefined

  const factSheet = await renderFactSheet(kit)
  await add({ data: factSheet }, { path: 'fact-sheet.pdf', role: 'fact-sheet', title: kit.title })

  for (const { edition, pdf } of kit.documents) {
    await add(
      { data: pdf ?? (await renderPdfEdition(edition)) },
      {
        path: names.take(`documents/${editionFilename(edition)}`),
        role: 'edition',
        title: edition.title,
        referenceNumber: edition.referenceNumber,
      },
    )
  }

  for (const image of kit.images) {
    const original = names.take(`images/original/${safeName(image.filename)}`)
    const described = {
      alt: clean(image.alt),
      caption: clean(image.caption),
      credit: clean(image.credit),
      licence: clean(image.licence),
    }
    await add(image.original, {
      path: original,
      role: 'image-original',
      width: image.width ?? undefined,
      height: image.height ?? undefined,
      ...described,
    })
    for (const web of image.webVersions ?? []) {
      await add(web.source, {
        path: names.take(`images/web/${safeName(web.filename)}`),
        role: 'image-web',
        width: web.width ?? undefined,
        height: web.height ?? undefined,
        original,
        ...described,
      })
    }
  }

  for (const file of kit.files ?? []) {
    await add(file.source, { path: names.take(`files/${safeName(file.filename)}`), role: 'file', title: file.title })
  }

  for (const contact of kit.contacts ?? []) {
    const vcard = pressContactVcard(
      { ...contact, organizationName: contact.organizationName ?? kit.organizationName },
      kit.locale,
    )
    await add(
      { data: Buffer.from(vcard) },
      { path: names.take(`contacts/${vcardFilename(contact.name)}`), role: 'contact', title: contact.name },
    )
  }

  const labels = pressKitLabels(kit.locale)
  await add({ data: Buffer.from(labels.readme(kit)) }, { path: 'README.txt', role: 'readme' })

  const manifest: PressKitManifest = {
    kit: {
      title: kit.title,
      description: kit.description?.trim() ?? '',
      locale: kit.locale,
      url: kit.url,
      organizationName: kit.organizationName,
    },
    files: files.map((f) => f.entry).sort((a, b) => compareBytes(a.path, b.path)),
  }
  const manifestJson = `${JSON.stringify(manifest, null, 2)}\n`
  const manifestCsv = toCsv(manifest.files)
  const listed = [
    ...files.map((f) => ({ path: f.entry.path, sha256: f.entry.sha256 })),
    { path: 'manifest.json', sha256: sha256(manifestJson) },
    { path: 'manifest.csv', sha256: sha256(manifestCsv) },
  ]

  const entries: ZipEntry[] = [
    ...files.map(({ entry, source }) => ({ path: `${root}/${entry.path}`, ...source })),
    { path: `${root}/manifest.json`, data: manifestJson },
    { path: `${root}/manifest.csv`, data: manifestCsv },
    { path: `${root}/checksums.txt`, data: checksumsTxt(listed) },
  ]
  const zip = await buildZip(entries, { mtime: pressKitDate(kit).toISOString() })
  return { filename: `${root}.zip`, zip, bytes: zip.length, sha256: sha256(zip), manifest }
}

/** The kit changes when its documents do: the latest date line or change note, else a fixed date. */
function pressKitDate(kit: PressKit): Date {
  const times = kit.documents.map(({ edition }) => editionLastChange(edition).getTime())
  return new Date(times.length ? Math.max(...times) : Date.UTC(1980, 0, 1))
}

async function measure(source: FileSource): Promise<{ bytes: number; hash: string }> {
  if ('data' in source) return { bytes: source.data.length, hash: sha256(source.data) }
  const [info, hash] = await Promise.all([stat(source.file), sha256File(source.file)])
  if (!info.isFile()) throw new Error(`${source.file} is not a file`)
  return { bytes: info.size, hash }
}

const csvColumns = [
  'path',
  'role',
  'bytes',
  'sha256',
  'title',
  'referenceNumber',
  'width',
  'height',
  'original',
  'alt',
  'caption',
  'credit',
  'licence',
] as const

/** The manifest as a spreadsheet opens it: every cell protected against formulas (titles, captions, file names). */
function toCsv(rows: ManifestEntry[]): string {
  return spreadsheetCsv(
    csvColumns,
    rows.map((row) => csvColumns.map((column) => row[column])),
  )
}

/** A file name that is safe on every desktop system: no separators, reserved or control characters. */
export function safeName(name: string): string {
  const cleaned = name
    .normalize('NFC')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters have no place in a file name
    .replace(/[/\\:*?"<>|\u0000-\u001f\u007f]+/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s-]+|[.\s]+$/g, '')
  const extension = path.extname(cleaned)
  const stem = cleaned.slice(0, cleaned.length - extension.length).slice(0, 100)
  return stem ? `${stem}${extension.slice(0, 10)}` : `file${extension.slice(0, 10)}`
}

/** Two images uploaded as "photo.jpg" become photo.jpg and photo-2.jpg, in the order given. */
class UniqueNames {
  private readonly taken = new Set<string>()

  take(wanted: string): string {
    const extension = path.posix.extname(wanted)
    const stem = wanted.slice(0, wanted.length - extension.length)
    let candidate = wanted
    for (let n = 2; this.taken.has(candidate.toLowerCase()); n++) candidate = `${stem}-${n}${extension}`
    this.taken.add(candidate.toLowerCase())
    return candidate
  }
}

/** A one- or two-page summary of the kit: description, documents, images with credits, contacts. */
export async function renderFactSheet(kit: PressKit): Promise<Uint8Array> {
  const labels = pressKitLabels(kit.locale)
  const date = pressKitDate(kit)
  return renderPdf(
    {
      locale: kit.locale,
      title: `${labels.pressKit}: ${kit.title}`,
      author: kit.organizationName,
      subject: kit.description?.trim() || kit.title,
      keywords: kit.documents.map((d) => d.edition.referenceNumber).join(', '),
      created: date,
      modified: date,
      baseUrl: kit.url,
      footer: `${labels.pressKit}: ${kit.title}`.slice(0, 90),
    },
    (w) => {
      w.text(kit.organizationName, { size: 12.5, style: 'bold', align: 'center', gapAfter: 2 })
      w.rule(4, 10)
      w.text(labels.pressKit.toUpperCase(), { size: 10.5, style: 'bold', gapAfter: 14 })
      w.text(kit.title, { size: 17, style: 'bold', gapAfter: 10 })
      if (kit.description?.trim()) w.text(kit.description.trim(), { gapAfter: 14 })

      if (kit.documents.length) {
        w.text(labels.documents, { size: 13, style: 'bold', gapAfter: 6 })
        for (const { edition } of kit.documents) {
          const kind = editionLabels(kit.locale).kind[edition.kind]
          w.keep(60)
          w.text(
            `${kind} · ${edition.referenceNumber} · ${dateLine(edition.place, edition.date, kit.locale, edition.zone)}`,
            {
              size: 9.5,
              color: colors.muted,
              gapAfter: 1,
            },
          )
          w.text(edition.title, { style: 'bold', gapAfter: 2 })
          if (edition.summary?.trim()) w.text(edition.summary.trim(), { size: 10, gapAfter: 8 })
          else w.gap(6)
        }
        w.gap(6)
      }

      if (kit.images.length) {
        w.text(labels.images, { size: 13, style: 'bold', gapAfter: 6 })
        for (const image of kit.images) {
          w.keep(50)
          w.text(image.caption?.trim() || image.alt, { style: 'bold', size: 10.5, gapAfter: 1 })
          w.text(
            `${labels.credit}: ${image.credit?.trim() || labels.none} · ${labels.licence}: ${image.licence?.trim() || labels.none}`,
            { size: 9.5, color: colors.muted, gapAfter: 7 },
          )
        }
        w.gap(6)
      }

      if (kit.contacts?.length) {
        w.text(labels.contacts, { size: 13, style: 'bold', gapAfter: 6 })
        for (const contact of kit.contacts) {
          w.keep(40)
          w.text(contact.name, { style: 'bold', size: 10.5, gapAfter: 1 })
          const details = [contact.role, contact.email, contact.phone].filter((v) => v?.trim()).join(' · ')
          w.inlines([{ text: details }], { size: 9.5, color: colors.muted, gapAfter: 7 })
        }
        w.gap(6)
      }

      w.inlines([{ text: `${labels.online}: ` }, { text: kit.url, href: kit.url }], { size: 9.5, color: colors.muted })
    },
  )
}
