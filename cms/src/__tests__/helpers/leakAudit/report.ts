import { findMarkers, type Hit } from './findMarkers.ts'
import type { Marker } from './markers.ts'
import type { AuditRecord } from './records.ts'

/** The kind of output a record comes from: the first word of its `where` (site, REST, GraphQL, file, page, e-mail, hook). */
const channelOf = (where: string) => where.split(' ')[0]!

/**
 * The failure message for leaks: one block per marker (what it is, how many places, in which
 * outputs), its first places with the text around the marker, then the names of the other
 * places. Every hit, with its snippet, is also in the file the test names.
 */
export function leakReport(hits: Hit[], withSnippets = 3, named = 12): string {
  if (hits.length === 0) return 'no leaks'
  const byMarker = new Map<Marker, Hit[]>()
  for (const hit of hits) byMarker.set(hit.marker, [...(byMarker.get(hit.marker) ?? []), hit])
  const lines = [`${hits.length} leak(s): ${byMarker.size} marker(s) found where no outsider may read them.`]
  for (const [marker, found] of byMarker) {
    const channels = new Map<string, number>()
    for (const hit of found) channels.set(channelOf(hit.where), (channels.get(channelOf(hit.where)) ?? 0) + 1)
    const summary = [...channels].map(([channel, count]) => `${channel} ×${count}`).join(', ')
    lines.push(
      `● ${marker.label} [${marker.id}]${marker.private ? ' (private field)' : ''}: ${found.length} place(s): ${summary}`,
    )
    for (const hit of found.slice(0, withSnippets)) lines.push(`    ${hit.where}\n        …${hit.snippet}…`)
    const others = found.slice(withSnippets)
    if (others.length > 0) {
      lines.push(
        `    also: ${others
          .slice(0, named)
          .map((h) => h.where)
          .join(' | ')}`,
      )
      if (others.length > named) lines.push(`    … and ${others.length - named} more`)
    }
  }
  return lines.join('\n')
}

/** Every hit, one line each, for the report file. */
export function hitLines(hits: Hit[]): string {
  return hits.map((h) => `${h.marker.id}\t${h.marker.label}\t${h.where}\t×${h.count}\t${h.snippet}`).join('\n')
}

/** A public marker that must be found in a record whose `where` matches: proof the audit reads what it claims to. */
export type Presence = { marker: Marker; where: RegExp; what: string }

/** The presences not met, one line each. */
export function missingPresences(records: AuditRecord[], expected: Presence[]): string[] {
  const markers = [...new Set(expected.map((e) => e.marker))]
  const hits = findMarkers(records, markers)
  return expected
    .filter((e) => !hits.some((h) => h.marker === e.marker && e.where.test(h.where)))
    .map((e) => `${e.what}: ${e.marker.label} [${e.marker.id}] not found in any ${e.where}`)
}
