/**
 * Payload starts its job runner only when asked (`cron: true`), and the admin asks only on
 * its first request. Scheduled publishing must not wait for someone to open the admin, so
 * the server asks as soon as it starts.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const [{ getPayload }, { default: config }] = await Promise.all([import('payload'), import('@payload-config')])
  const payload = await getPayload({ config, cron: true })
  payload.logger.info('Job runner started: scheduled publishing is live.')
}
