import type { ServerProps } from 'payload'
import { adminT } from '../i18n/admin/adminT.ts'

/** At the top of the admin's dashboard: the board is where staff start (issue 15, item 5). */
export function BoardDashboardLink({ i18n, payload }: ServerProps) {
  const t = adminT(i18n.t, 'board')
  return (
    <div
      id="dashboard-board"
      style={{
        border: '1px solid var(--theme-elevation-150)',
        borderRadius: 4,
        padding: '0.75rem 1rem',
        margin: '0 0 1.5rem',
      }}
    >
      <strong>{t('dashboardTitle')}</strong>
      <p style={{ margin: '0.25rem 0 0.5rem' }}>{t('dashboardText')}</p>
      <a className="btn btn--style-primary btn--size-small" href={`${payload.config.routes.admin}/board`}>
        {t('dashboardOpen')}
      </a>
    </div>
  )
}
