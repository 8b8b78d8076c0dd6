import { gunzipSync } from 'node:zlib'
import { unzipSync } from 'fflate'
import { extractLinks, getDocumentProxy, getMeta } from 'unpdf'
import { pdfText } from '../pdf.ts'
import { imageMetadataText, isImage } from './imageMetadata.ts'

/** One thing an outsider can read: where it is (a file, a URL, a message) and its text, decoded. */
export type AuditRecord = { where: string; text: string }

const starts = (bytes: Uint8Array, ...prefix: number[]) => prefix.every((b, i) => bytes[i] === b)
const isGzip = (bytes: Uint8Array) => starts(bytes, 0x1f, 0x8b)
const isZip = (bytes: Uint8Array) => starts(bytes, 0x50, 0x4b, 0x03, 0x04)
const isPdf = (bytes: Uint8Array) => starts(bytes, 0x25, 0x50, 0x44, 0x46)

/**
 * Everything readable in a file, unpacked as far as it goes: gzip (Pagefind's index) and ZIP
 * (press kits) are opened and their contents read in turn, a PDF gives its text, metadata and
 * links, an image its metadata (EXIF, GPS, XMP, IPTC) and its raw bytes (strings a reader may
 * not know), anything else its text. The file's name is part of the text: a name can leak too.
 */
export async function recordsOfFile(where: string, name: string, bytes: Uint8Array): Promise<AuditRecord[]> {
  if (isGzip(bytes)) return recordsOfFile(`${where} (gunzipped)`, name.replace(/\.gz$/, ''), gunzipSync(bytes))
  if (isZip(bytes)) {
    const entries = unzipSync(bytes)
    const records: AuditRecord[] = [{ where, text: `${name}\n${Object.keys(entries).join('\n')}` }]
    for (const [entry, data] of Object.entries(entries)) {
      records.push(...(await recordsOfFile(`${where} › ${entry}`, entry, data)))
    }
    return records
  }
  if (isPdf(bytes)) return [{ where, text: `${name}\n${await pdfContents(bytes)}` }]
  if (isImage(bytes)) {
    const raw = Buffer.from(bytes).toString('latin1')
    return [{ where, text: `${name}\n${await imageMetadataText(bytes)}\n${raw}` }]
  }
  return [{ where, text: `${name}\n${Buffer.from(bytes).toString('utf8')}` }]
}

async function pdfContents(bytes: Uint8Array): Promise<string> {
  try {
    const text = await pdfText(bytes)
    const document = await getDocumentProxy(bytes.slice())
    const meta = await getMeta(document)
    const { links } = await extractLinks(document)
    return [text, JSON.stringify(meta.info), JSON.stringify(meta.metadata ?? {}), ...links].join('\n')
  } catch (error) {
    // An unreadable PDF is searched as it is, and said so.
    return `(PDF unreadable: ${(error as Error).message})\n${Buffer.from(bytes).toString('latin1')}`
  }
}
