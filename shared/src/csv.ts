/**
 * CSV meant to be opened in a spreadsheet: the staff exports (recipients, dispatch logs) and the
 * press-kit manifest. Call `spreadsheetCsv(header, rows)`; every cell goes through
 * `protectCell`, so no column can be forgotten.
 *
 * Spreadsheets run a cell that starts with = + - @ as a formula ("CSV injection"), also behind
 * spaces, quotes or control characters they skip, and a leading tab or carriage return is the
 * other classic trigger. Such a cell is written with a leading apostrophe, which spreadsheets
 * take as "this is text" and hide; `unprotectCell` takes it off again when a file is read back.
 */
import { stringify } from 'csv-stringify/sync'

/** = + - @ and their full-width forms, which some spreadsheets also take as the start of a formula. */
const formulaAfterPrefix = /^[\s"'\p{Cc}]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/u
const tabOrReturnFirst = /^['"]*[\t\r]/

/**
 * True when a spreadsheet could run the cell. Both patterns let apostrophes through in front,
 * so a value that needs protection still needs it behind one more: `unprotectCell` then always
 * undoes `protectCell` exactly.
 */
export const needsProtection = (value: string): boolean =>
  formulaAfterPrefix.test(value) || tabOrReturnFirst.test(value)

export const protectCell = (value: string): string => (needsProtection(value) ? `'${value}` : value)

/** The reverse of protectCell: `unprotectCell(protectCell(v)) === v` for every string. */
export const unprotectCell = (value: string): string =>
  value.startsWith("'") && needsProtection(value.slice(1)) ? value.slice(1) : value

const cellText = (value: unknown): string => (value === undefined || value === null ? '' : String(value))

/**
 * RFC 4180 CSV with CRLF line ends and a UTF-8 byte-order mark (so spreadsheet programs read
 * Cyrillic correctly), every cell, the header's too, protected against formulas.
 */
export function spreadsheetCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const cells = [header, ...rows].map((row) => row.map((value) => protectCell(cellText(value))))
  return `\uFEFF${stringify(cells, { record_delimiter: '\r\n' })}`
}
