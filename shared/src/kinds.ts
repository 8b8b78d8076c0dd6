/**
 * The three kinds of publication. `collection` is the CMS collection slug, `path` the URL
 * segment on the site, `code` the part of the reference number (GC-PR-2026-004).
 */
export const documentKinds = [
  { kind: 'statement', collection: 'statements', path: 'statements', code: 'ST' },
  { kind: 'notice', collection: 'notices', path: 'notices', code: 'NT' },
  { kind: 'pressRelease', collection: 'press-releases', path: 'press-releases', code: 'PR' },
] as const

export type DocumentKind = (typeof documentKinds)[number]['kind']
export type DocumentCollection = (typeof documentKinds)[number]['collection']

export const documentCollections: readonly DocumentCollection[] = documentKinds.map((k) => k.collection)

export function kindByCollection(collection: string) {
  const found = documentKinds.find((k) => k.collection === collection)
  if (!found) throw new Error(`"${collection}" is not a publication collection`)
  return found
}

export function kindInfo(kind: DocumentKind) {
  const found = documentKinds.find((k) => k.kind === kind)
  if (!found) throw new Error(`Unknown document kind "${kind}"`)
  return found
}

export const changeNoteKinds = ['correction', 'update'] as const
export type ChangeNoteKind = (typeof changeNoteKinds)[number]
