import type { BeforeListServerProps } from 'payload'
import { adminT } from '../i18n/admin/adminT.ts'
import { lastFinishedBuild } from '../siteBuild/lastFinishedBuild.ts'
import { siteBuildFailureText } from './siteBuildFailureText.ts'

/** Above the site builds list: the latest failure, loud while it is the newest finished build. */
export async function LastFailedSiteBuild({ payload, i18n }: BeforeListServerProps) {
  const t = adminT(i18n.t, 'lastFailedSiteBuild')
  const [failed, succeeded] = await Promise.all([
    lastFinishedBuild(payload, { status: { equals: 'failed' } }),
    lastFinishedBuild(payload, { status: { equals: 'succeeded' } }),
  ])
  if (!failed) return null
  const when = (iso?: string | null) => (iso ? new Date(iso).toLocaleString(i18n.language) : '')
  const failing = !succeeded || (failed.finishedAt ?? '') > (succeeded.finishedAt ?? '')
  const link = `${payload.config.routes.admin}/collections/site-builds/${failed.id}`
  // Our own sentence in the admin's language; a record from before failure codes shows its raw text.
  const sentence = siteBuildFailureText(i18n.t, failed.failure)
  const reason = sentence ?? `${adminT(i18n.t, 'siteBuildFailure')('output')}: ${failed.error ?? ''}`

  if (!failing) {
    return (
      <p style={{ margin: '0 0 1rem' }}>
        {t('fixed')}: <a href={link}>{when(failed.finishedAt)}</a> — {reason} ({t('fixedAfter')}).
      </p>
    )
  }
  return (
    <div
      role="alert"
      style={{
        border: '2px solid var(--theme-error-500)',
        background: 'var(--theme-error-50)',
        borderRadius: 4,
        padding: '0.75rem 1rem',
        margin: '0 0 1.5rem',
      }}
    >
      <strong>
        {t('failing')} ({when(failed.finishedAt)}).
      </strong>{' '}
      {reason}
      <br />
      {succeeded ? `${t('stillLive')} (${when(succeeded.finishedAt)}).` : t('noneLive')} <a href={link}>{t('open')}</a>
      {failed.logTail ? (
        <>
          <strong style={{ display: 'block', marginTop: '0.75rem' }}>
            {adminT(i18n.t, 'siteBuildFailure')('output')}
          </strong>
          <pre style={{ maxHeight: '16rem', overflow: 'auto', fontSize: 12 }}>{failed.logTail.slice(-3000)}</pre>
        </>
      ) : null}
    </div>
  )
}
