import type { PayloadRequest } from 'payload'
import { hasRole, type Role, roleOf } from '../access/roles.ts'
import { adminT } from '../i18n/admin/adminT.ts'

/** Previews and test answers are for one staff member's eyes: never cached, never indexed. */
export const privateHeaders = { 'Cache-Control': 'private, no-store', 'X-Robots-Tag': 'noindex, nofollow' }

export const words = (req: PayloadRequest) => adminT(req.i18n.t, 'testsend')

/** A refusal in the staff member's admin language, with nothing of the document in it. */
export const refuse = (status: number, message: string) =>
  Response.json({ message, errors: [{ message }] }, { status, headers: privateHeaders })

/** The refusal to answer when the request's user is not staff of one of `roles`, or undefined. */
export function staffRefusal(req: PayloadRequest, roles: Role[]): Response | undefined {
  const t = words(req)
  if (!roleOf(req.user)) return req.user ? refuse(403, t('notAllowed')) : refuse(401, t('signIn'))
  return hasRole(req.user, ...roles) ? undefined : refuse(403, t('notAllowed'))
}

/** Every staff role, who may preview publications and test their e-mails (docs/adr/0038). */
export const anyStaff: Role[] = ['admin', 'editor', 'translator']
/** Dispatches are the publishers' (their collection is read by admins and editors alone). */
export const publishers: Role[] = ['admin', 'editor']
