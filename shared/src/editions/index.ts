/**
 * Downloadable editions (Node only; keep out of browser bundles): PDF editions of publications,
 * press-kit ZIPs, SHA-256 checksums and vCards. The site calls these at build time; the CMS may
 * call renderPdfEdition for a notice's e-mail. See ADR 0013–0015.
 */
export { type ChecksumEntry, checksumsTxt, sha256, sha256File } from './checksums.ts'
export { editionsFingerprint } from './fingerprint.ts'
export { editionFontFiles, editionFonts } from './fonts.ts'
export { type EditionContext, editionFromPublication, type PublicationFromApi } from './fromPublication.ts'
export { dateLine, editionLabels, fallbackNotice, formatEditionDate, pressKitLabels } from './labels.ts'
export { editionLastChange, renderPdfEdition } from './pdf.ts'
export {
  buildPressKitZip,
  editionFilename,
  type FileSource,
  type ManifestEntry,
  type PressKit,
  type PressKitFile,
  type PressKitImage,
  type PressKitManifest,
  type PressKitZip,
  pressKitFilename,
  renderFactSheet,
  safeName,
} from './pressKit.ts'
export { PdfRenderPool, type RenderedPdf } from './renderPool.ts'
export type { Block, ChangeNote, EditionDocument, Inline } from './types.ts'
export { escapeText as escapeVcardText, type PressContact, pressContactVcard, vcardFilename } from './vcard.ts'
export { buildZip, type ZipEntry, type ZipOptions, zipStream } from './zip.ts'
