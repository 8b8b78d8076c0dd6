import type { JSX } from 'react'
import type { Failure, InProgress, Upcoming } from '../board/collectBoard.ts'
import type { JobFact } from '../health/collectHealth.ts'
import type { AdminKey } from '../i18n/admin/adminT.ts'

/** What every section needs: the board's words, its time format, and links into the admin. */
export type BoardTools = {
  t: (key: AdminKey<'board'>, vars?: Record<string, unknown>) => string
  when: (iso: string) => string
  /** A link to a document of a collection (or a global) in the admin. */
  href: (collection: string, id?: number | string) => string
  /** A collection's name in the admin's language. */
  collectionName: (collection: string) => string
  /** A status word: the board's own, the collection's option label, or the raw value worded generically. */
  statusWord: (collection: 'sends' | 'dispatches', status: string) => string
  languageName: (code: string) => string
  /** A failed site build's sentence in the admin's language (null on records from before failure codes). */
  siteBuildFailure: (failure: unknown) => string | null
  /** The heading a failed build's raw text is shown under ("Build output"). */
  buildOutput: string
}

const cell = { padding: '0.35rem 0.75rem 0.35rem 0', verticalAlign: 'top' as const, textAlign: 'left' as const }
/** Data (titles, errors, addresses, task names) is shown as stored, in whatever language it is. */
const Raw = ({ children }: { children: React.ReactNode }) => <span data-raw="">{children}</span>

function docLabel(item: Upcoming, tools: BoardTools): JSX.Element {
  const { t, href, collectionName } = tools
  if (item.doc) {
    const { collection, id, title } = item.doc
    return (
      <a href={href(collection, id)}>
        {title ? <Raw>{title}</Raw> : t('untitled', { collection: collectionName(collection), id })}
      </a>
    )
  }
  const global = item.what === 'embargoEnds' ? '' : (item.global ?? '')
  return <a href={href(`globals/${global}`)}>{collectionName(`globals/${global}`)}</a>
}

export function UpcomingSection({
  items,
  scheduleHidden,
  now,
  tools,
}: {
  items: Upcoming[]
  scheduleHidden: boolean
  now: string
  tools: BoardTools
}) {
  const { t, when, href, languageName } = tools
  return (
    <section data-board="upcoming">
      <h2>{t('upcoming')}</h2>
      {scheduleHidden ? <p>{t('scheduleHidden')}</p> : null}
      {items.length === 0 ? (
        <p>{t('nothingUpcoming')}</p>
      ) : (
        <table style={{ borderCollapse: 'collapse' }}>
          <thead>
            <tr>
              <th style={cell}>{t('when')}</th>
              <th style={cell}>{t('what')}</th>
              <th style={cell}>{t('document')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.what === 'embargoEnds' ? `e${item.doc.id}` : `j${item.jobId}`} data-upcoming={item.what}>
                <td style={cell}>
                  {when(item.at)}
                  {item.at <= now ? ` (${t('due')})` : null}
                </td>
                <td style={cell}>
                  {item.what === 'embargoEnds' ? (
                    t('embargoEnds')
                  ) : (
                    <a href={href('payload-jobs', item.jobId)}>{t(item.what)}</a>
                  )}
                  {item.what !== 'embargoEnds' && item.locale
                    ? ` (${t('inLanguage', { language: languageName(item.locale) })})`
                    : null}
                </td>
                <td style={cell}>
                  {docLabel(item, tools)}
                  {item.what === 'embargoEnds' && item.draft ? ` (${t('draft')})` : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

function ProgressTable({ title, rows, tools }: { title: string; rows: InProgress[]; tools: BoardTools }) {
  const { t, when, href, statusWord } = tools
  if (rows.length === 0) return null
  return (
    <>
      <h3>{title}</h3>
      <table style={{ borderCollapse: 'collapse' }}>
        <thead>
          <tr>
            <th style={cell}>{t('what')}</th>
            <th style={cell}>{t('status')}</th>
            <th style={cell}>{t('queued')}</th>
            <th style={cell}>{t('sent')}</th>
            <th style={cell}>{t('delivered')}</th>
            <th style={cell}>{t('failed')}</th>
            <th style={cell}>{t('since')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-progress={`${row.collection}:${row.id}`} data-status={row.status}>
              <td style={cell}>
                <a href={href(row.collection, row.id)}>
                  <Raw>{row.label}</Raw>
                </a>
              </td>
              <td style={cell}>
                {statusWord(row.collection, row.status)}
                {row.paused ? ` (${t('paused')})` : null}
              </td>
              <td style={cell} data-count="queued">
                {row.counts.queued}
              </td>
              <td style={cell} data-count="sent">
                {row.counts.sent}
              </td>
              <td style={cell} data-count="delivered">
                {row.counts.delivered}
              </td>
              <td style={cell} data-count="failed">
                {row.counts.failed}
              </td>
              <td style={cell}>{when(row.since)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}

export function SendingSection({
  sends,
  dispatches,
  tools,
}: {
  sends: InProgress[] | null
  dispatches: InProgress[] | null
  tools: BoardTools
}) {
  // A role that reads neither (a translator) has nothing to see here.
  if (sends === null && dispatches === null) return null
  const { t } = tools
  const empty = (sends ?? []).length + (dispatches ?? []).length === 0
  return (
    <section data-board="sending">
      <h2>{t('sending')}</h2>
      {empty ? <p>{t('nothingSending')}</p> : null}
      <ProgressTable title={t('sends')} rows={sends ?? []} tools={tools} />
      <ProgressTable title={t('dispatches')} rows={dispatches ?? []} tools={tools} />
    </section>
  )
}

const failureCollection: Record<Failure['what'], string> = {
  siteBuild: 'site-builds',
  heldBatch: 'mail-batches',
  failedBatch: 'mail-batches',
  failedEmail: 'deliveries',
  failedJob: 'payload-jobs',
}

export function FailuresSection({ failures, days, tools }: { failures: Failure[]; days: number; tools: BoardTools }) {
  const { t, when, href } = tools
  return (
    <section data-board="failures">
      <h2>{t('failures')}</h2>
      {failures.length === 0 ? (
        <p>{t('nothingFailed', { days })}</p>
      ) : (
        <ul>
          {failures.map((f) => (
            <li key={`${f.what}${f.id}`} data-failure={f.what}>
              <a href={href(failureCollection[f.what], f.id)}>{t(`failure:${f.what}`)}</a> ({when(f.at)})
              {f.what === 'failedEmail' ? (
                <>
                  {' '}
                  <Raw>{f.email}</Raw>
                </>
              ) : null}
              {f.what === 'failedJob' && f.task ? (
                <>
                  {' '}
                  <Raw>{f.task}</Raw>
                </>
              ) : null}
              {f.what === 'siteBuild' && tools.siteBuildFailure(f.failure) ? (
                <> — {tools.siteBuildFailure(f.failure)}</>
              ) : f.error ? (
                <>
                  {' — '}
                  {f.what === 'siteBuild' ? `${tools.buildOutput}: ` : null}
                  <Raw>{f.error}</Raw>
                </>
              ) : null}
              {f.what === 'siteBuild' && f.fixed ? ` (${t('fixed')})` : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

function Jobs({ title, jobs, tools }: { title: string; jobs: JobFact[]; tools: BoardTools }) {
  const { t, when, href } = tools
  if (jobs.length === 0) return null
  return (
    <>
      <h3>{title}</h3>
      <ul>
        {jobs.map((job) => (
          <li key={job.id} data-stuck-job={job.id}>
            <a href={href('payload-jobs', job.id)}>{t('job', { id: job.id })}</a>{' '}
            <Raw>
              ({job.task ?? '?'}, {job.queue ?? 'default'})
            </Raw>{' '}
            {t('since').toLowerCase()} {job.since ? when(job.since) : ''}
          </li>
        ))}
      </ul>
    </>
  )
}

export function StuckSection({
  stuck,
  tools,
}: {
  stuck: { expiredLeases: JobFact[]; overdue: JobFact[] }
  tools: BoardTools
}) {
  const { t } = tools
  return (
    <section data-board="stuck">
      <h2>{t('stuck')}</h2>
      {stuck.expiredLeases.length + stuck.overdue.length === 0 ? <p>{t('nothingStuck')}</p> : null}
      <Jobs title={t('expiredLeases')} jobs={stuck.expiredLeases} tools={tools} />
      <Jobs title={t('overdue')} jobs={stuck.overdue} tools={tools} />
    </section>
  )
}
