import { isLocale, type Locale } from '@pressroom/shared'
import { unprotectCell } from '@pressroom/shared/csv'
import { type CsvError, parse } from 'csv-parse/sync'
import { parseDocumentId } from '../../http/documentId.ts'
import type { AdminSay } from '../../i18n/admin/adminT.ts'
import {
  countryProblem,
  type DeliveryChannel,
  deliveryChannels,
  emailProblem,
  isDeliveryChannel,
  isRecipientKind,
  type RecipientKind,
  recipientKinds,
} from '../directory.ts'
import {
  isRecipientColumn,
  maxCsvRows,
  type RecipientColumn,
  recipientColumns,
  requiredColumns,
  splitList,
} from './columns.ts'

export type RowProblem = { row: number; line: number; column: RecipientColumn | null; message: string }

/** One CSV row, checked on its own. `undefined`: the column is not in the file (leave as is). */
export type ParsedRecipientRow = {
  row: number
  line: number
  id?: number
  externalId?: string | null
  kind?: RecipientKind
  name: Partial<Record<Locale, string | null>>
  role: Partial<Record<Locale, string | null>>
  country?: string | null
  emails?: string[]
  postalAddress?: string | null
  preferredLanguage?: Locale
  preferredChannels?: DeliveryChannel[]
  groups?: string[]
  notes?: string | null
  active?: boolean
}

export type ParsedRecipientsCsv = {
  columns: RecipientColumn[]
  rows: ParsedRecipientRow[]
  problems: RowProblem[]
  /** Set when the file as a whole cannot be read (no rows are checked then). */
  fileProblem?: string
  tooManyRows?: boolean
}

const truthy = new Set(['true', 'yes', 'y', '1', 'да'])
const falsy = new Set(['false', 'no', 'n', '0', 'нет'])

/** Reads a recipients CSV and checks every row on its own (matching against the directory comes next). */
export function parseRecipientsCsv(
  text: string,
  say: { csv: AdminSay<'recipientsCsv'>; validation: AdminSay<'validation'> },
): ParsedRecipientsCsv {
  const { csv } = say
  const empty = { columns: [], rows: [], problems: [] }
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? ''
  // Spreadsheets set to Russian or German save with semicolons.
  const delimiter = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ','
  let records: { record: string[]; info: { lines: number } }[]
  try {
    records = parse(text, {
      bom: true,
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as typeof records
  } catch (error) {
    const csvError = error as CsvError & { lines?: number }
    return {
      ...empty,
      fileProblem: csvError.lines
        ? csv('notCsvAtLine', { line: csvError.lines, error: csvError.message })
        : csv('notCsv', { error: csvError.message }),
    }
  }
  const [header, ...body] = records
  if (!header) return { ...empty, fileProblem: csv('empty') }

  const columns = header.record.map((name) => name.trim().toLowerCase())
  const headerProblems: RowProblem[] = []
  const headerProblem = (message: string) => headerProblems.push({ row: 1, line: 1, column: null, message })
  columns.forEach((name, index) => {
    if (!isRecipientColumn(name)) {
      headerProblem(csv('unknownColumn', { column: header.record[index], known: recipientColumns.join(', ') }))
    } else if (columns.indexOf(name) !== index) {
      headerProblem(csv('columnTwice', { column: name }))
    }
  })
  for (const required of requiredColumns) {
    if (!columns.includes(required)) headerProblem(csv('columnMissing', { column: required }))
  }
  if (headerProblems.length > 0) return { ...empty, problems: headerProblems }
  if (body.length > maxCsvRows) {
    return {
      ...empty,
      tooManyRows: true,
      fileProblem: csv('tooManyRows', { rows: body.length, max: maxCsvRows }),
    }
  }

  const known = columns as RecipientColumn[]
  const kinds = recipientKinds.map((k) => k.value).join(', ')
  const rows: ParsedRecipientRow[] = []
  const problems: RowProblem[] = []
  body.forEach(({ record, info }, index) => {
    const row = index + 2
    const line = info.lines
    const problem = (column: RecipientColumn | null, message: string) => problems.push({ row, line, column, message })
    if (record.length !== known.length) {
      problem(null, csv('cellCount', { cells: record.length, columns: known.length }))
      return
    }
    const cells = new Map<RecipientColumn, string>()
    known.forEach((column, i) => {
      cells.set(column, unprotectCell((record[i] ?? '').trim()))
    })
    const has = (column: RecipientColumn) => cells.has(column)
    const cell = (column: RecipientColumn) => cells.get(column) ?? ''
    const optional = (column: RecipientColumn) => (has(column) ? cell(column) || null : undefined)
    const parsed: ParsedRecipientRow = { row, line, name: {}, role: {} }

    if (cell('id')) {
      const id = parseDocumentId(cell('id'))
      if (id !== undefined) parsed.id = id
      else problem('id', csv('notAnId', { value: cell('id') }))
    }
    parsed.externalId = optional('external_id')
    if (parsed.externalId && parsed.externalId.length > 200) problem('external_id', csv('longerThan', { max: 200 }))

    const kind = cell('kind').toLowerCase()
    if (isRecipientKind(kind)) parsed.kind = kind
    else if (kind) problem('kind', csv('notAKind', { value: cell('kind'), kinds }))
    else problem('kind', csv('kindRequired', { kinds }))

    const nameEn = cell('name_en')
    if (nameEn) parsed.name.en = nameEn
    else problem('name_en', csv('nameRequired'))
    if (has('name_ru')) parsed.name.ru = cell('name_ru') || null
    if (has('role_en')) parsed.role.en = cell('role_en') || null
    if (has('role_ru')) parsed.role.ru = cell('role_ru') || null
    for (const [column, value] of [
      ['name_en', parsed.name.en],
      ['name_ru', parsed.name.ru],
      ['role_en', parsed.role.en],
      ['role_ru', parsed.role.ru],
    ] as const) {
      if (value && value.length > 300) problem(column, csv('longerThan', { max: 300 }))
    }

    if (has('country')) {
      const country = cell('country').toUpperCase()
      const countryError = country ? countryProblem(country, say.validation) : null
      if (countryError) problem('country', countryError)
      parsed.country = country || null
    }
    if (has('emails')) {
      const emails = splitList(cell('emails'))
      for (const email of emails) {
        const emailError = emailProblem(email, say.validation)
        if (emailError) problem('emails', emailError)
      }
      const lower = emails.map((e) => e.toLowerCase())
      if (new Set(lower).size !== lower.length) problem('emails', csv('sameAddressTwice'))
      parsed.emails = emails
    }
    parsed.postalAddress = optional('postal_address')
    if (has('preferred_language')) {
      const language = cell('preferred_language').toLowerCase() || 'en'
      if (isLocale(language)) parsed.preferredLanguage = language
      else problem('preferred_language', csv('notALanguage', { value: cell('preferred_language') }))
    }
    if (has('preferred_channels')) {
      const channels = splitList(cell('preferred_channels')).map((c) => c.toLowerCase())
      const wrong = channels.filter((c) => !isDeliveryChannel(c))
      if (wrong.length > 0) {
        problem(
          'preferred_channels',
          csv('unknownChannel', {
            channels: wrong.map((c) => `"${c}"`).join(', '),
            known: deliveryChannels.map((c) => c.value).join(', '),
          }),
        )
      } else if (new Set(channels).size !== channels.length) {
        problem('preferred_channels', csv('channelTwice'))
      } else {
        parsed.preferredChannels = channels as DeliveryChannel[]
      }
    }
    if (has('groups')) parsed.groups = splitList(cell('groups'))
    parsed.notes = optional('notes')
    if (has('active')) {
      const active = cell('active').toLowerCase()
      if (!active || truthy.has(active)) parsed.active = true
      else if (falsy.has(active)) parsed.active = false
      else problem('active', csv('notYesNo', { value: cell('active') }))
    }
    rows.push(parsed)
  })
  if (rows.length === 0 && problems.length === 0) {
    return { columns: known, rows, problems, fileProblem: csv('noRecipients') }
  }
  return { columns: known, rows, problems }
}
