/**
 * Share cards (ADR 0048): the Open Graph image of a document or page, as PNG, for the site's build.
 * Node only, loaded unbundled (its fingerprint reads its own source), like the editions.
 */
export { cardsFingerprint } from './fingerprint.ts'
export { withPngText } from './pngText.ts'
export { renderShareCard, type ShareCardInput, shareCardSize } from './shareCard.ts'
