/** The counts of a publication's e-mails as staff confirm them (docs/adr/0039, 0045). */
export type LanguageAwareCounts = {
  byLanguage: Record<string, number>
  /** One bilingual e-mail, keyed by its languages (`en+ru`). */
  bilingual?: Record<string, number>
  /** Notices that the publication is not written in a subscriber's language, by that language. */
  notices?: Record<string, number>
}

type Say = (key: 'bilingual' | 'notice', values: Record<string, string>) => string

/** Every kind of e-mail a publication sends, as one list of labelled counts for `countList`. */
export function languageAwareCounts(counts: LanguageAwareCounts, say: Say): Record<string, number> {
  const all: Record<string, number> = { ...counts.byLanguage }
  for (const [languages, n] of Object.entries(counts.bilingual ?? {})) all[say('bilingual', { languages })] = n
  for (const [language, n] of Object.entries(counts.notices ?? {})) all[say('notice', { language })] = n
  return all
}
