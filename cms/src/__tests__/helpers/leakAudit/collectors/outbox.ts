import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import PostalMime from 'postal-mime'
import { type AuditRecord, recordsOfFile } from '../records.ts'

/**
 * Every e-mail the CMS wrote to its local outbox: the raw .eml, and each part decoded by a MIME
 * parser (quoted-printable and base64 undone: a raw search would miss a marker cut by a soft line
 * break), headers included, and each attachment read as a file (a notice's PDF edition).
 */
export async function collectOutbox(outboxDir: string): Promise<AuditRecord[]> {
  const names = (await readdir(outboxDir).catch(() => [] as string[])).filter((name) => name.endsWith('.eml')).sort()
  const records: AuditRecord[] = []
  for (const name of names) {
    const raw = await readFile(path.join(outboxDir, name))
    const email = await PostalMime.parse(raw)
    const where = `e-mail ${name} to ${email.to?.map((a) => a.address).join(', ')} "${email.subject}"`
    records.push({ where: `${where} (raw)`, text: raw.toString('utf8') })
    const headers = email.headers.map((h) => `${h.key}: ${h.value}`).join('\n')
    records.push({ where, text: [headers, email.subject, email.text, email.html].join('\n') })
    for (const attachment of email.attachments) {
      const filename = attachment.filename ?? 'attachment'
      const content =
        typeof attachment.content === 'string' ? Buffer.from(attachment.content) : new Uint8Array(attachment.content)
      records.push(...(await recordsOfFile(`${where} › ${filename}`, filename, content)))
    }
  }
  return records
}
