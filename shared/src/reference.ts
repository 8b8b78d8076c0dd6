import { type DocumentKind, kindInfo } from './kinds.ts'

/**
 * Reference numbers look like GC-PR-2026-004: prefix, kind code, year of first publication,
 * and a sequence that counts per prefix, kind and year.
 */
export const defaultReferencePrefix = 'GC'

export const referencePrefixPattern = /^[A-Z][A-Z0-9]{0,7}$/

const referencePattern = /^([A-Z][A-Z0-9]{0,7})-([A-Z]{2})-(\d{4})-(\d{3,})$/

export function formatReferenceNumber(parts: {
  prefix: string
  kind: DocumentKind
  year: number
  sequence: number
}): string {
  if (!referencePrefixPattern.test(parts.prefix)) {
    throw new Error(
      `Reference prefix "${parts.prefix}" is not usable: use 1–8 upper-case latin letters or digits, starting with a letter.`,
    )
  }
  if (!Number.isInteger(parts.sequence) || parts.sequence < 1) {
    throw new Error(`Reference sequence must be a positive integer, got ${parts.sequence}`)
  }
  const sequence = String(parts.sequence).padStart(3, '0')
  return `${parts.prefix}-${kindInfo(parts.kind).code}-${parts.year}-${sequence}`
}

export function parseReferenceNumber(
  reference: string,
): { prefix: string; code: string; year: number; sequence: number } | null {
  const match = referencePattern.exec(reference)
  if (!match) return null
  const [, prefix, code, year, sequence] = match
  return { prefix: prefix!, code: code!, year: Number(year), sequence: Number(sequence) }
}
