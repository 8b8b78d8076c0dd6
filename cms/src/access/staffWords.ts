import type { NestedKeysStripped } from '@payloadcms/translations'
import type { PayloadRequest } from 'payload'
import type { Role } from './roles.ts'

/**
 * The shape of the words the plumbing layer (access/, http/, mail/) says to staff. Plumbing may not
 * import the admin dictionaries (i18n/admin/, a feature), so it declares what it needs here and
 * i18n/admin/en.ts `satisfies` these shapes: a key used here and missing there fails the type check.
 */
export type AccessWords = {
  signInTo: string
  publishersOnly: string
  /** Ends "Only admins and editors may …" and "Log in as an admin or editor to …". */
  action: Record<
    | 'importRecipients'
    | 'exportRecipients'
    | 'planDispatches'
    | 'exportDispatchLog'
    | 'resendNotices'
    | 'decideBatches'
    | 'sendPublications'
    | 'countPublicationRecipients'
    | 'seePublicationSends'
    | 'cancelSends'
    | 'sendAhead',
    string
  >
  notAnId: string
  /** What `notAnId` names ("a dispatch ID"). */
  idOf: Record<'dispatch' | 'batch' | 'logEntry' | 'send', string>
  draftsOnly: string
  publishedCopy: string
  restoreChangesPublic: string
  scheduleNeedsPublisher: string
  roleMayNot: string
  nobodyMay: string
  role: Record<Role, string>
  roleAction: Record<'create' | 'update' | 'delete', string>
  ask: Record<'editorOrAdmin' | 'admin', string>
}

export type MailBatchWords = { notWaiting: string; sendAnyway: string; givenUp: string }

type PlumbingWords = { access: AccessWords; mailBatches: MailBatchWords }

/**
 * One plumbing area's words in the staff member's admin language, through Payload's `t` as
 * adminT (i18n/admin/adminT.ts) reads them: `staffWords(req, 'access')('draftsOnly')`.
 */
export const staffWords =
  <A extends keyof PlumbingWords>(req: PayloadRequest, area: A) =>
  (key: NestedKeysStripped<PlumbingWords[A]>, vars?: Record<string, unknown>): string =>
    req.i18n.t(`pressroom:${area}:${key}` as never, vars as never)
