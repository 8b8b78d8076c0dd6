import type { I18n } from '@payloadcms/translations'
import { formatDate } from '@payloadcms/ui/shared'
import type { Payload } from 'payload'

/**
 * Every time on the board, formatted the way the admin's own lists format dates (its
 * `admin.dateFormat`, in the admin's language). One function, so that stating the time zone
 * (issue 15, item 4) changes the whole board at once.
 */
export function formatBoardTime(iso: string, i18n: I18n, payload: Payload): string {
  return formatDate({ date: iso, i18n: i18n as never, pattern: payload.config.admin.dateFormat })
}
