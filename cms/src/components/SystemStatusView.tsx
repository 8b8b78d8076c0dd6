import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import type { AdminViewServerProps } from 'payload'
import { type CheckName, checkNames, collectHealth, type HealthReport, type JobFact } from '../health/collectHealth.ts'
import { healthAudience, staffDetails } from '../health/endpoint.ts'
import { type AdminKey, adminT } from '../i18n/admin/adminT.ts'

type T = (key: AdminKey<'systemStatus'>, vars?: Record<string, unknown>) => string

const cell = { padding: '0.35rem 0.75rem 0.35rem 0', verticalAlign: 'top' as const, textAlign: 'left' as const }

function Verdicts({ report, t }: { report: HealthReport; t: T }) {
  return (
    <table style={{ borderCollapse: 'collapse', margin: '1rem 0' }}>
      <tbody>
        {checkNames.map((name: CheckName) => {
          const check = report.checks[name]
          return (
            <tr key={name} data-check={name} data-ok={check.ok}>
              <th style={cell}>{t(`check:${name}`)}</th>
              <td style={{ ...cell, color: check.ok ? 'var(--theme-success-600)' : 'var(--theme-error-600)' }}>
                {check.ok ? `✓ ${t('ok')}` : `✗ ${t('failing')}`}
              </td>
              <td style={cell}>{check.problem ? t(`problem:${check.problem}`) : null}</td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}

function JobList({
  title,
  jobs,
  t,
  when,
  admin,
}: {
  title: string
  jobs: JobFact[]
  t: T
  when: (v: string | null) => string
  admin: string
}) {
  if (jobs.length === 0) return null
  return (
    <>
      <h3>{title}</h3>
      <ul>
        {jobs.map((job) => (
          <li key={job.id}>
            <a href={`${admin}/collections/payload-jobs/${job.id}`}>
              {t('job')} {job.id}
            </a>{' '}
            ({job.task ?? '?'}, {job.queue ?? 'default'}) {t('since')} {when(job.since)}
          </li>
        ))}
      </ul>
    </>
  )
}

function Details({
  report,
  t,
  when,
  admin,
}: {
  report: HealthReport
  t: T
  when: (v: string | null) => string
  admin: string
}) {
  const d = report.details
  const queues = Object.entries(d.queues)
  const last = d.siteBuild.last
  return (
    <>
      <h2>{t('details')}</h2>
      <ul>
        {d.database.latencyMs !== null ? <li>{t('dbLatency', { ms: d.database.latencyMs })}</li> : null}
        <li>
          {t('sweeperLastRun')}: {when(d.jobRunner.sweeperLastRunAt)}
        </li>
        {d.jobRunner.on ? null : <li>{t('runnerOff')}</li>}
        {d.mail.on ? (
          <>
            <li>
              {t('mailLastStarted')}: {when(d.mail.lastRunStartedAt)}
            </li>
            <li>
              {t('mailLastFinished')}: {when(d.mail.lastRunFinishedAt)}
            </li>
            {d.mail.lastRunFailedAt ? (
              <li>
                {t('mailLastFailed')}: {when(d.mail.lastRunFailedAt)}
              </li>
            ) : null}
            {d.mail.running ? <li>{t('mailRunning')}</li> : null}
          </>
        ) : (
          <li>{t('mailOff')}</li>
        )}
        {d.mail.pendingDeliveries !== null ? (
          <li>
            {t('mailPending')}: {d.mail.pendingDeliveries}
          </li>
        ) : null}
        {d.mail.heldBatches ? (
          <li>
            <a href={`${admin}/collections/mail-batches?where[status][equals]=held`}>{t('mailHeld')}</a>:{' '}
            {d.mail.heldBatches}
          </li>
        ) : null}
        {d.siteBuild.on ? (
          <>
            <li>
              {t('lastBuild')}:{' '}
              {last ? (
                <a href={`${admin}/collections/site-builds/${last.id}`}>
                  {when(last.finishedAt)} ({last.status})
                </a>
              ) : (
                t('never')
              )}
              {last?.error ? ` — ${last.error}` : null}
            </li>
            <li>
              {t('lastSucceeded')}: {when(d.siteBuild.lastSucceededAt)}
            </li>
            <li>
              {t('buildsWaiting')}: {d.siteBuild.waiting}
            </li>
          </>
        ) : (
          <li>{t('buildsOff')}</li>
        )}
      </ul>
      <h3>{t('queues')}</h3>
      {queues.length === 0 ? (
        <p>{t('noJobs')}</p>
      ) : (
        <table style={{ borderCollapse: 'collapse' }}>
          <thead>
            <tr>
              <th style={cell}>{t('queue')}</th>
              <th style={cell}>{t('waiting')}</th>
              <th style={cell}>{t('running')}</th>
              <th style={cell}>{t('failed')}</th>
            </tr>
          </thead>
          <tbody>
            {queues.map(([queue, depth]) => (
              <tr key={queue}>
                <td style={cell}>{queue}</td>
                <td style={cell}>{depth.waiting}</td>
                <td style={cell}>{depth.running}</td>
                <td style={cell}>{depth.failed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <JobList title={t('expiredLeases')} jobs={d.stuckJobs.expiredLeases} t={t} when={when} admin={admin} />
      <JobList title={t('overdue')} jobs={d.stuckJobs.overdue} t={t} when={when} admin={admin} />
    </>
  )
}

/**
 * Admin → System status (docs/adr/0031): the facts /api/health reports, for staff, in the admin's
 * language. Reads them on each visit; nothing here writes.
 */
export async function SystemStatusView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req, permissions, visibleEntities, locale } = initPageResult
  const { payload, i18n, user } = req
  const t: T = adminT(i18n.t, 'systemStatus')
  const audience = healthAudience(req, null)
  const full = await collectHealth(payload)
  const report = audience === 'full' ? full : staffDetails(full)
  const when = (value: string | null) => (value ? new Date(value).toLocaleString(i18n.language) : t('never'))
  const admin = payload.config.routes.admin
  return (
    <DefaultTemplate
      i18n={i18n}
      locale={locale}
      params={params}
      payload={payload}
      permissions={permissions}
      searchParams={searchParams}
      user={user ?? undefined}
      visibleEntities={visibleEntities}
    >
      <Gutter>
        <h1>{t('title')}</h1>
        <p>{t('intro')}</p>
        <p role="status" data-status={report.status}>
          <strong>{report.status === 'ok' ? t('healthy') : t('unhealthy')}</strong> {t('checkedAt')}:{' '}
          {when(report.checkedAt)}.
        </p>
        <Verdicts report={report} t={t} />
        {audience === 'public' ? null : <Details report={report} t={t} when={when} admin={admin} />}
        <p>
          <a href={`${payload.config.routes.api}/health`}>{t('json')}</a>
        </p>
      </Gutter>
    </DefaultTemplate>
  )
}
