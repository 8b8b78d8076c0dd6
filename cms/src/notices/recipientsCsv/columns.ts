/**
 * The recipients CSV, one row per recipient. Columns may come in any order; a column left out
 * of the file leaves that field as it is, an empty cell clears it. Several values in one cell
 * (e-mails, channels, groups) are separated by semicolons.
 */
export const recipientColumns = [
  'id',
  'external_id',
  'kind',
  'name_en',
  'name_ru',
  'role_en',
  'role_ru',
  'country',
  'emails',
  'postal_address',
  'preferred_language',
  'preferred_channels',
  'groups',
  'notes',
  'active',
] as const
export type RecipientColumn = (typeof recipientColumns)[number]

export const requiredColumns: readonly RecipientColumn[] = ['kind', 'name_en']

export const isRecipientColumn = (value: string): value is RecipientColumn =>
  (recipientColumns as readonly string[]).includes(value)

/** Most rows one import accepts (larger is a 413 with a message); the most bytes are http/uploadLimit.ts's maxCsvBytes. */
export const maxCsvRows = 5000

export const splitList = (cell: string) =>
  cell
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)
