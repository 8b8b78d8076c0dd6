export { editionFontFiles } from './fonts.ts'
export { dateLine, editionLabels, fallbackNotice, formatEditionDate } from './labels.ts'
export { renderPdfEdition } from './pdf.ts'
export type { Block, ChangeNote, EditionDocument, Inline } from './types.ts'
