import type { ServerProps } from 'payload'
import { adminT } from '../i18n/admin/adminT.ts'

/** Below the admin's navigation: the link to System status (docs/adr/0031). */
export function SystemStatusNavLink({ i18n, payload }: ServerProps) {
  return (
    <a className="nav__link" href={`${payload.config.routes.admin}/system-status`} id="nav-system-status">
      <span className="nav__link-label">{adminT(i18n.t, 'systemStatus')('nav')}</span>
    </a>
  )
}
