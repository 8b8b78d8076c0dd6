import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { type AuditRecord, recordsOfFile } from '../records.ts'

/**
 * Every file of a built site, whatever its kind: pages, feeds, sitemap, robots.txt, vCards,
 * checksums, media and document copies (name, bytes and EXIF), share cards (their PNG text chunks),
 * PDF editions (text), press-kit ZIPs (each entry, recursively) and Pagefind's index (gunzipped).
 */
export async function collectSiteFiles(siteDir: string): Promise<AuditRecord[]> {
  const entries = await readdir(siteDir, { recursive: true, withFileTypes: true })
  const records: AuditRecord[] = []
  for (const entry of entries) {
    if (!entry.isFile()) continue
    const file = path.join(entry.parentPath, entry.name)
    const relative = path.relative(siteDir, file)
    records.push(...(await recordsOfFile(`site ${relative}`, relative, new Uint8Array(await readFile(file)))))
  }
  return records
}
