/**
 * The largest file one upload takes (MAX_UPLOAD_BYTES, 50 MB by default; docs/adr/0015). Read when
 * asked, not when loaded: the CMS's server loads this before Next has read cms/.env.
 */
export const maxUploadBytes = (): number => Number(process.env.MAX_UPLOAD_BYTES || 50 * 1024 * 1024)

/** The largest recipients CSV one import takes (MAX_RECIPIENTS_CSV_BYTES, 2 MB by default; docs/adr/0016). */
export const maxCsvBytes = (): number => Number(process.env.MAX_RECIPIENTS_CSV_BYTES ?? 2 * 1024 * 1024)
