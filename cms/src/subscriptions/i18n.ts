/**
 * The reader texts moved to src/i18n/reader/ (one dictionary per language for everything the CMS
 * serves to readers). This pointer only keeps `services.ts` compiling while it is being split
 * into one file per verb; import from '../i18n/reader/index.ts' and delete this file.
 */
export { type MessageKey, t } from '../i18n/reader/index.ts'
