import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Payload } from 'payload'
import PostalMime from 'postal-mime'

/**
 * What the audit reads of the language-aware e-mails and digests (docs/adr/0045, 0046) beyond its
 * marker search: the durable send rows that name a publication, and the messages one address got.
 */

/** The keys of every send planned for the publication (`publication:`, `bilingual:`, `language-notice:`…). */
export async function sendKeysNaming(payload: Payload, collection: string, id: number): Promise<string[]> {
  const found = await payload.find({ collection: 'sends', depth: 0, pagination: false, select: { key: true } })
  const needle = `:${collection}:${id}:`
  return found.docs.map((doc) => String((doc as { key?: unknown }).key)).filter((key) => key.includes(needle))
}

/** Every message in the outbox to `address`, parsed: subject, plain text and HTML. */
export async function outboxMailsTo(outboxDir: string, address: string) {
  const names = (await readdir(outboxDir).catch(() => [] as string[])).filter((name) => name.endsWith('.eml'))
  const mails: { subject: string; text: string; html: string }[] = []
  for (const name of names.sort()) {
    const email = await PostalMime.parse(await readFile(path.join(outboxDir, name)))
    if (!email.to?.some((to) => to.address === address)) continue
    mails.push({ subject: email.subject ?? '', text: email.text ?? '', html: email.html ?? '' })
  }
  return mails
}

/** How many times `needle` occurs in `text`, ignoring case (markers are lower-case words). */
export const occurrences = (text: string, needle: string) => text.toLowerCase().split(needle.toLowerCase()).length - 1
