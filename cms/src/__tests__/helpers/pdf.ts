import { extractText, getDocumentProxy } from 'unpdf'

/**
 * The text a reader's copy and paste would give, whitespace collapsed. drizzle-kit (loaded by
 * Payload's database adapters) adds an enumerable `Array.prototype.random`, which PDF.js refuses
 * to run beside; it is made non-enumerable first, leaving the function in place.
 */
export async function pdfText(data: Uint8Array): Promise<string> {
  for (const key of Object.keys(Array.prototype)) {
    Object.defineProperty(Array.prototype, key, { enumerable: false })
  }
  const { text } = await extractText(await getDocumentProxy(data.slice()), { mergePages: true })
  return text.replace(/\s+/g, ' ')
}
