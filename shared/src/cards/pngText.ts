import { crc32 } from 'node:zlib'

const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
/** The signature (8 bytes) and the IHDR chunk (25 bytes) always come first. */
const afterHeader = 8 + 25

/**
 * The PNG with international text chunks (iTXt, UTF-8) after its header: a card says in words what
 * it shows ("Title", "Description"), for whoever reads the file's metadata (and for the leak audit,
 * which reads files as text, not pixels).
 */
export function withPngText(png: Uint8Array, entries: Record<string, string>): Uint8Array {
  if (!signature.every((b, i) => png[i] === b)) throw new Error('withPngText: the bytes are not a PNG.')
  const chunks = Object.entries(entries).map(([keyword, text]) => {
    // keyword, NUL, compression flag 0, method 0, no language tag (NUL), no translated keyword (NUL), text.
    const data = Buffer.concat([
      Buffer.from(keyword, 'latin1'),
      Buffer.from([0, 0, 0, 0, 0]),
      Buffer.from(text, 'utf8'),
    ])
    return chunk('iTXt', data)
  })
  return Buffer.concat([png.subarray(0, afterHeader), ...chunks, png.subarray(afterHeader)])
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(typeAndData))
  return Buffer.concat([length, typeAndData, crc])
}
