import type { ServerProps } from 'payload'
import { statusKey } from './SystemStatus.i18n.ts'

/** Below the admin's navigation: the link to System status (docs/adr/0031). */
export function SystemStatusNavLink({ i18n, payload }: ServerProps) {
  return (
    <a className="nav__link" href={`${payload.config.routes.admin}/system-status`} id="nav-system-status">
      <span className="nav__link-label">{i18n.t(statusKey('nav') as never)}</span>
    </a>
  )
}
