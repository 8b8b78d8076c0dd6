import { spreadsheetCsv } from '@pressroom/shared/csv'
import type { Payload } from 'payload'
import { type RecipientColumn, recipientColumns } from './columns.ts'
import { loadDirectory, type StoredGroup, type StoredRecipient } from './directorySnapshot.ts'

/**
 * The directory as CSV, in the format the import reads: importing an export unchanged changes
 * nothing. Groups are written by English name, or by ID when two groups share a name.
 * With a group, only its members.
 */
export async function exportRecipients(payload: Payload, options: { group?: number | string } = {}): Promise<string> {
  const { recipients, groups } = await loadDirectory(payload)
  const selected =
    options.group === undefined
      ? recipients
      : recipients.filter((r) => r.groups.map(String).includes(String(options.group)))
  const rows = selected.map((recipient) => {
    const cells = toCells(recipient, groups)
    return recipientColumns.map((column) => cells[column])
  })
  return spreadsheetCsv(recipientColumns, rows)
}

function toCells(recipient: StoredRecipient, groups: StoredGroup[]): Record<RecipientColumn, string> {
  const groupName = (id: number | string) => {
    const group = groups.find((g) => String(g.id) === String(id))
    const name = group?.name.en ?? ''
    const shared = groups.filter((g) => (g.name.en ?? '').toLowerCase() === name.toLowerCase()).length > 1
    return !name || shared || name.includes(';') ? String(id) : name
  }
  return {
    id: String(recipient.id),
    external_id: recipient.externalId ?? '',
    kind: recipient.kind,
    name_en: recipient.name.en ?? '',
    name_ru: recipient.name.ru ?? '',
    role_en: recipient.role.en ?? '',
    role_ru: recipient.role.ru ?? '',
    country: recipient.country ?? '',
    emails: recipient.emails.join('; '),
    postal_address: recipient.postalAddress ?? '',
    preferred_language: recipient.preferredLanguage,
    preferred_channels: recipient.preferredChannels.join('; '),
    groups: recipient.groups.map(groupName).join('; '),
    notes: recipient.notes ?? '',
    active: recipient.active ? 'yes' : 'no',
  }
}
