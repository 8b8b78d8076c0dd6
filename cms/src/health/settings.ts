/**
 * What the health check allows before it calls something unhealthy (docs/adr/0031). Read from the
 * environment each time, like the job settings it builds on.
 */
export type HealthSettings = {
  /** HEALTH_TOKEN: a caller sending `Authorization: Bearer <it>` sees the details; unset, only staff do. */
  token: string | null
  /** HEALTH_STALE_SECONDS: longest silence of the e-mail job, and longest wait of a due job. */
  staleMs: number
  /** Whether the job runner is configured on (JOBS_AUTORUN_CRON, MAIL_CRON not "off"). */
  runnerOn: boolean
  mailOn: boolean
  siteBuildsOn: boolean
}

export function healthSettings(): HealthSettings {
  const raw = process.env.HEALTH_STALE_SECONDS
  const stale = raw ? Number(raw) : 120
  if (!Number.isFinite(stale) || stale <= 0) {
    throw new Error(`HEALTH_STALE_SECONDS=${raw} is not a positive number of seconds. Set it to e.g. 120, or unset it.`)
  }
  const jobsCron = process.env.JOBS_AUTORUN_CRON ?? '*/10 * * * * *'
  const mailCron = process.env.MAIL_CRON || jobsCron
  return {
    token: process.env.HEALTH_TOKEN || null,
    staleMs: stale * 1000,
    runnerOn: jobsCron !== 'off',
    mailOn: jobsCron !== 'off' && mailCron !== 'off',
    siteBuildsOn: process.env.SITE_BUILD !== 'off',
  }
}
