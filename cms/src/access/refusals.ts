import { Forbidden, type PayloadRequest } from 'payload'
import type { Role } from './roles.ts'
import { type AccessWords, staffWords } from './staffWords.ts'

/**
 * Every refusal staff can meet because of their role says what was refused and what to do
 * instead (docs/adr/0024), in the staff member's admin language: the words are the `access` area
 * of the admin dictionaries (i18n/admin/, docs/adr/0041).
 */
export type Refusal = 'draftsOnly' | 'publishedCopy' | 'restoreChangesPublic' | 'scheduleNeedsPublisher'

/**
 * "Your role may not delete topics", with whom to ask; `labels` is the collection's plural label
 * in the request's language. `nobody` is for records the CMS keeps itself (site builds, jobs),
 * refused to every role.
 */
export function roleMayNot(
  req: PayloadRequest,
  options: {
    role: Role
    action: keyof AccessWords['roleAction']
    labels: string
    ask: keyof AccessWords['ask'] | 'nobody'
  },
): string {
  const { role, action, labels, ask } = options
  const say = staffWords(req, 'access')
  // English names the records inside the sentence ("may not change topics"); Russian quotes the section.
  const named = req.i18n?.language === 'en' ? labels.toLowerCase() : labels
  const vars = { action: say(`roleAction:${action}`), labels: named, role: say(`role:${role}`) }
  if (ask === 'nobody') return say('nobodyMay', vars)
  return say('roleMayNot', { ...vars, whom: say(`ask:${ask}`) })
}

/**
 * A 403 whose message is shown to the caller as it is. It is Payload's own Forbidden, so it is
 * logged as one (a line at info level, not an error with a stack).
 */
export function refuse(req: PayloadRequest, message: Refusal | { worded: string }): Forbidden {
  const error = new Forbidden(req.t)
  error.message = typeof message === 'string' ? staffWords(req, 'access')(message) : message.worded
  error.isPublic = true
  return error
}
