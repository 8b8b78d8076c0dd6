/**
 * Payload starts its job runner only when asked (`cron: true`), and the admin asks only on
 * its first request. Scheduled publishing must not wait for someone to open the admin, so
 * the server asks as soon as it starts. It also asks for a site build at once, so the public
 * site matches the content this CMS serves (docs/adr/0019-site-rebuild-on-publish.md), and starts
 * the sweeper that takes over jobs (and dispatch planning) left running by a process that stopped
 * (docs/adr/0026-jobs-survive-a-dead-process.md).
 */
export async function register() {
  // Not while `next build` prerenders: no job runner, no site build against the real database then.
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return
  const [{ getPayload }, { default: config }] = await Promise.all([import('payload'), import('@payload-config')])
  const payload = await getPayload({ config, cron: true })
  payload.logger.info('Job runner started: scheduled publishing is live.')

  const { peerHeaderStamped } = await import('./http/peerAddress.ts')
  if (!peerHeaderStamped()) {
    payload.logger.warn(
      'Client addresses are unknown: every client shares one rate limit and one sign-in throttle. ' +
        'Start the CMS with `pnpm --filter @pressroom/cms start` (src/server/main.ts), not `next start` (docs/adr/0027).',
    )
  }

  const [{ startJobSweeper }, { resumeInterruptedPlanning }, { notePulse }] = await Promise.all([
    import('./jobs/index.ts'),
    import('./notices/dispatch/resumeInterruptedPlanning.ts'),
    import('./health/pulse.ts'),
  ])
  // The last recovery notes that the sweeper still ticks, for /api/health (docs/adr/0031).
  startJobSweeper(payload, [
    { name: 'Resuming interrupted dispatch planning', run: resumeInterruptedPlanning },
    { name: 'Health pulse', run: async () => notePulse('sweeper') },
  ])

  const { requestSiteBuild } = await import('./siteBuild/requestSiteBuild.ts')
  try {
    const build = await requestSiteBuild(payload, 'CMS started')
    if (build) payload.logger.info('Site build requested: the public site is rebuilt from this CMS now.')
  } catch (error) {
    payload.logger.error({ err: error, msg: 'Could not queue the first site build.' })
  }
}
