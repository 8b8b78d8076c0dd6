import type { ServerProps } from 'payload'
import { adminT } from '../i18n/admin/adminT.ts'

/** Below the admin's navigation, first: the link to the board (issue 15, item 5). */
export function BoardNavLink({ i18n, payload }: ServerProps) {
  return (
    <a className="nav__link" href={`${payload.config.routes.admin}/board`} id="nav-board">
      <span className="nav__link-label">{adminT(i18n.t, 'board')('nav')}</span>
    </a>
  )
}
