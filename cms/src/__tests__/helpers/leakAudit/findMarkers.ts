import type { Marker } from './markers.ts'
import type { AuditRecord } from './records.ts'

export type Hit = {
  where: string
  marker: Marker
  /** How many times the marker occurs in this record. */
  count: number
  /** The text around the first occurrence. */
  snippet: string
}

/**
 * Every occurrence of every marker in every record, case-insensitively, in one pass over each
 * text (an Aho–Corasick automaton over the ASCII needles: a site, its ZIPs, images and hundreds
 * of API answers are tens of megabytes). Texts with numeric HTML entities or percent-escapes are
 * searched a second time decoded, so a marker spelled `&#108;k…` or `%6Ck…` is found too.
 */
export function findMarkers(records: AuditRecord[], markers: Marker[]): Hit[] {
  const automaton = new Automaton(markers.map((m) => m.id))
  const hits: Hit[] = []
  for (const record of records) {
    const hit = new Set<number>()
    for (const text of decodings(record.text)) {
      const found = new Map<number, { count: number; at: number }>()
      automaton.scan(text, (needle, end) => {
        const seen = found.get(needle)
        if (seen) seen.count += 1
        else found.set(needle, { count: 1, at: end })
      })
      for (const [needle, { count, at }] of found) {
        if (hit.has(needle)) continue
        hit.add(needle)
        const marker = markers[needle]!
        hits.push({ where: record.where, marker, count, snippet: snippet(text, at, marker.id.length) })
      }
    }
  }
  return hits
}

function decodings(text: string): string[] {
  const out = [text]
  if (/&#x?[0-9a-f]+;/i.test(text)) {
    out.push(
      text.replace(/&#(x?)([0-9a-f]+);/gi, (_m, hex: string, digits: string) =>
        String.fromCodePoint(Number.parseInt(digits, hex ? 16 : 10) || 32),
      ),
    )
  }
  if (/%[2-7][0-9a-f]/i.test(text)) {
    out.push(text.replace(/%([2-7][0-9a-f])/gi, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))))
  }
  return out
}

function snippet(text: string, end: number, length: number): string {
  const start = end - length + 1
  const around = text.slice(Math.max(0, start - 70), Math.min(text.length, end + 71))
  // Binary files (images, Pagefind's index) are shown as text: keep the snippet printable.
  let printable = ''
  for (const char of around) {
    const code = char.codePointAt(0)!
    printable += code < 32 || (code >= 127 && code < 160) || code === 0xfffd ? (/\s/.test(char) ? ' ' : '·') : char
  }
  return printable.replace(/\s+/g, ' ')
}

/** A case-insensitive Aho–Corasick automaton over ASCII needles, as a full transition table. */
class Automaton {
  private readonly table: Int32Array
  /** For each state, the needles that end there. */
  private readonly outputs: number[][]

  constructor(needles: string[]) {
    const next: number[][] = [[]]
    const outputs: number[][] = [[]]
    needles.forEach((needle, index) => {
      let state = 0
      for (const char of needle.toLowerCase()) {
        const code = char.charCodeAt(0)
        if (code > 127) throw new Error(`Marker ${needle} is not ASCII: markers must be ASCII words.`)
        let target = next[state]![code]
        if (target === undefined) {
          target = next.length
          next.push([])
          outputs.push([])
          next[state]![code] = target
        }
        state = target
      }
      outputs[state]!.push(index)
    })
    const table = new Int32Array(next.length * 128)
    const fail = new Int32Array(next.length)
    const queue: number[] = []
    for (let code = 0; code < 128; code++) {
      const target = next[0]![code]
      if (target !== undefined) queue.push(target)
      table[code] = target ?? 0
    }
    while (queue.length > 0) {
      const state = queue.shift()!
      outputs[state]!.push(...outputs[fail[state]!]!)
      for (let code = 0; code < 128; code++) {
        const target = next[state]![code]
        if (target !== undefined) {
          fail[target] = table[fail[state]! * 128 + code]!
          table[state * 128 + code] = target
          queue.push(target)
        } else {
          table[state * 128 + code] = table[fail[state]! * 128 + code]!
        }
      }
    }
    this.table = table
    this.outputs = outputs
  }

  scan(text: string, found: (needle: number, end: number) => void): void {
    const { table, outputs } = this
    let state = 0
    for (let i = 0; i < text.length; i++) {
      let code = text.charCodeAt(i)
      if (code >= 65 && code <= 90) code += 32
      state = code < 128 ? table[state * 128 + code]! : 0
      const out = outputs[state]!
      for (let k = 0; k < out.length; k++) found(out[k]!, i)
    }
  }
}
