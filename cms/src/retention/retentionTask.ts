import type { TaskConfig } from 'payload'
import { runRetention } from './runRetention.ts'
import { retentionSettings } from './settings.ts'

type PruneIO = { input: Record<string, never>; output: { report: string } }

export const retentionTaskSlug = 'pruneOldData'

/**
 * The retention job (docs/adr/0031): scheduled on the default queue (RETENTION_CRON, nightly by
 * default), leased like every job (docs/adr/0026) and safe to run again after a takeover.
 */
export function pruneOldDataTask(): TaskConfig<PruneIO> {
  const { cron } = retentionSettings()
  return {
    slug: retentionTaskSlug,
    label: 'Prune old records and files',
    outputSchema: [{ name: 'report', type: 'text' }],
    retries: 0,
    schedule: cron === 'off' ? [] : [{ cron, queue: 'default' }],
    handler: async ({ req }) => {
      const report = await runRetention(req.payload)
      req.payload.logger.info(`Retention: ${JSON.stringify(report)}`)
      return { output: { report: JSON.stringify(report) } }
    },
  }
}
